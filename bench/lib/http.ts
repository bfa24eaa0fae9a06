/** A small keep-alive JSON client for load generation (no retries, no redirects). */
import { Agent, request } from "node:http";

export class JsonClient {
  private readonly agent: Agent;
  constructor(
    private readonly base: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<{ status: number; text: string }> {
    const url = new URL(path, this.base);
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(url, { method, agent: this.agent, headers: { accept: "application/json", ...(data ? { "content-type": contentType, "content-length": data.length } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(data);
    });
  }

  /** Like send, but a non-2xx answer is an error. */
  async ok(method: string, path: string, body?: unknown): Promise<string> {
    const r = await this.send(method, path, body);
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${r.text.slice(0, 200)}`);
    return r.text;
  }

  /** Stream a watch; each parsed event goes to onEvent. */
  watch(path: string, onEvent: (ev: { type: string; object: { metadata?: { name?: string; resourceVersion?: string } } }) => void): { stop(): void; ready: Promise<void> } {
    return this.watchLines(path, (line) => {
      if (line.trim()) onEvent(JSON.parse(line));
    });
  }

  /**
   * One request with a chosen Accept header; the body is kept as text only when `keep` is
   * set (a 150,000-pod LIST is hundreds of MB: counted, not decoded). Bytes are counted either way.
   */
  fetch(method: string, path: string, opts: { readonly accept?: string; readonly body?: Buffer; readonly keep?: boolean; readonly contentType?: string } = {}): Promise<{ status: number; bytes: number; text: string }> {
    const url = new URL(path, this.base);
    const data = opts.body;
    return new Promise((resolve, reject) => {
      const headers = { accept: opts.accept ?? "application/json", ...(data ? { "content-type": opts.contentType ?? "application/json", "content-length": data.length } : {}) };
      const req = request(url, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const keep = opts.keep || (res.statusCode ?? 0) >= 300;
        res.on("data", (c: Buffer) => {
          bytes += c.length;
          if (keep) chunks.push(c);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, text: keep ? Buffer.concat(chunks).toString() : "" }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(data);
    });
  }

  /** Stream a watch as raw lines (no JSON decoding: a load generator reading 10 watches cannot afford it). */
  watchLines(path: string, onLine: (line: string) => void): { stop(): void; ready: Promise<void> } {
    const url = new URL(path, this.base);
    let buf = "";
    let ready!: () => void;
    const readyP = new Promise<void>((r) => (ready = r));
    const req = request(url, { method: "GET", headers: { accept: "application/json" } }, (res) => {
      ready();
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        buf += c;
        let start = 0;
        let nl;
        while ((nl = buf.indexOf("\n", start)) >= 0) {
          if (nl > start) onLine(buf.slice(start, nl));
          start = nl + 1;
        }
        buf = buf.slice(start);
      });
      res.on("error", () => undefined);
    });
    req.on("error", () => undefined);
    req.end();
    return { stop: () => req.destroy(), ready: readyP };
  }

  close(): void {
    this.agent.destroy();
  }
}
