/**
 * Child process for the embedded store's crash and lock tests.
 *   node crash-writer.js DIR write [snapshotEvery]  — writes forever, printing each acknowledged key
 *   node crash-writer.js DIR hold                   — opens the store, prints "ready", waits
 */
import { openEmbeddedStore } from "../../src/k8s-api/store/embedded.js";

const [dir, mode = "write", every = "10000"] = process.argv.slice(2);
if (!dir) throw new Error("usage: crash-writer DIR write|hold [snapshotEvery]");
const store = await openEmbeddedStore(dir, { snapshotEvery: Number(every), log: () => {} });

if (mode === "hold") {
  process.stdout.write("ready\n");
  setInterval(() => {}, 1000);
} else {
  let n = 0;
  // Several writers at once, so acknowledgements come from shared group commits.
  const writer = async (w: number) => {
    for (;;) {
      const key = `/crash/${w}/${String(n++).padStart(8, "0")}`;
      await store.create(key, JSON.stringify({ key, pad: "x".repeat(300) }));
      process.stdout.write(key + "\n");
    }
  };
  for (let w = 0; w < 8; w++) void writer(w);
}
