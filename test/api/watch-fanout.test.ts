/** ResourceStore.watch: shared watchers get each store event decoded once; the others get their own copies. */
import { expect } from "chai";
import { MemoryStore } from "../../src/k8s-api/index.js";
import { Registry } from "../../src/k8s-api/registry/registry.js";
import { findResource } from "../../src/k8s-api/registry/resources.js";
import type { WatchEvent } from "../../src/k8s-api/registry/generic-store.js";
import { sleep } from "./helpers.js";

describe("api: watch fan-out", () => {
  it("shared watchers get the same decoded object per event; a non-shared watcher gets its own", async () => {
    const store = new MemoryStore();
    try {
      const registry = new Registry(store);
      const ns = findResource("", "v1", "namespaces")!;
      const cms = findResource("", "v1", "configmaps")!;
      await registry.create(ns, "", { apiVersion: "v1", kind: "Namespace", metadata: { name: "fan" } });
      const rv = String(store.currentRevision());
      const seen: WatchEvent[][] = [[], [], []];
      const watches = await Promise.all([
        registry.watch(cms, "fan", { resourceVersion: rv, shared: true }, (ev) => seen[0]!.push(ev)),
        registry.watch(cms, "fan", { resourceVersion: rv, shared: true }, (ev) => seen[1]!.push(ev)),
        registry.watch(cms, "fan", { resourceVersion: rv }, (ev) => seen[2]!.push(ev)),
      ]);
      const created = await registry.create(cms, "fan", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" }, data: { k: "1" } });
      await registry.patch(cms, "fan", "a", "merge", { data: { k: "2" } });
      await registry.delete(cms, "fan", "a");
      for (let i = 0; i < 100 && seen.some((s) => s.length < 3); i++) await sleep(10);
      for (const w of watches) w.stop();
      for (const s of seen) expect(s.map((e) => e.type)).to.deep.equal(["ADDED", "MODIFIED", "DELETED"]);
      expect(seen[0]![0]!.object.metadata!.resourceVersion).to.equal(created.object.metadata!.resourceVersion);
      for (let i = 0; i < 3; i++) {
        expect(seen[0]![i]!.object).to.equal(seen[1]![i]!.object);
        expect(seen[2]![i]!.object).to.not.equal(seen[0]![i]!.object);
        expect(seen[2]![i]!.object).to.deep.equal(seen[0]![i]!.object);
      }
    } finally {
      await store.close();
    }
  });
});
