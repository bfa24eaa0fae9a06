/** Free ports for tests (the kernel's pick or one of a range; another process may take it later). */
import { createServer } from "node:net";

/**
 * A port free on every local address right now. The probe listens on all addresses, not
 * only 127.0.0.1: a port free there may still be the source port of a connection from
 * another address (a pod bridge's, in TIME_WAIT for a minute), and a listener on 0.0.0.0
 * then cannot bind it. With a range, a free port picked at random within [from, to).
 */
export async function freePort(range?: { readonly from: number; readonly to: number }): Promise<number> {
  if (!range) return listenAndClose(0) as Promise<number>;
  for (;;) {
    const port = range.from + Math.floor(Math.random() * (range.to - range.from));
    if ((await listenAndClose(port)) !== undefined) return port;
  }
}

function listenAndClose(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", (e: NodeJS.ErrnoException) => (port !== 0 && e.code === "EADDRINUSE" ? resolve(undefined) : reject(e)));
    s.listen(port, () => {
      const bound = (s.address() as { port: number }).port;
      s.close(() => resolve(bound));
    });
  });
}
