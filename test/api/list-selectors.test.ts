/**
 * Selector lists test stored entries by the labels and field set kept beside each entry
 * (ResourceStore.selects): the same results as decoding every object and calling the
 * predicate, and never an older revision's labels or fields.
 */
import { expect } from "chai";
import { MemoryStore, Registry } from "../../src/k8s-api/index.js";
import { predicateFromQuery } from "../../src/k8s-api/server/output.js";
import type { KubeObject } from "../../src/k8s-api/types.js";
import type { ListParams, Predicate, WatchEvent } from "../../src/k8s-api/registry/generic-store.js";

const NS = "sel";

function query(labelSelector: string, fieldSelector: string): URLSearchParams {
  const q = new URLSearchParams();
  if (labelSelector) q.set("labelSelector", labelSelector);
  if (fieldSelector) q.set("fieldSelector", fieldSelector);
  return q;
}

const names = (items: readonly KubeObject[]) => items.map((o) => o.metadata!.name!);

describe("api: selector lists from kept labels and fields", () => {
  let registry: Registry;
  const pods = () => registry.resolve("", "v1", "pods");

  async function podNamed(name: string, labels: Record<string, string> | undefined, nodeName: string | undefined): Promise<void> {
    const obj = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, ...(labels ? { labels } : {}) },
      spec: { containers: [{ name: "c", image: "nginx:1.27" }], ...(nodeName ? { nodeName } : {}) },
    };
    await registry.create(pods(), NS, obj as unknown as KubeObject);
  }

  /** Names a walk of pages of `limit` (0: one list) returns. */
  async function walk(predicate: Predicate, limit: number): Promise<string[]> {
    const out: string[] = [];
    let cont: string | undefined;
    do {
      const p: ListParams = { predicate, ...(limit ? { limit } : {}), ...(cont ? { continue: cont } : {}) };
      const list = await registry.list(pods(), NS, p);
      out.push(...names(list.items));
      cont = list.continue;
    } while (cont);
    return out;
  }

  async function initialEvents(predicate: Predicate): Promise<string[]> {
    const got: WatchEvent[] = [];
    const w = await registry.watch(pods(), NS, { predicate }, (ev) => got.push(ev));
    w.stop();
    expect(got.every((ev) => ev.type === "ADDED")).to.equal(true);
    return names(got.map((ev) => ev.object));
  }

  before(async () => {
    registry = new Registry(new MemoryStore());
    await registry.create(registry.resolve("", "v1", "namespaces"), "", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } } as KubeObject);
    const tiers = ["web", "db", "cache", undefined];
    for (let i = 0; i < 40; i++) {
      const tier = tiers[i % 4];
      const labels: Record<string, string> = {};
      if (tier) labels.tier = tier;
      if (i % 3 === 0) labels.exposed = i % 2 ? "yes" : "no";
      if (i % 5 === 0) labels["app.kubernetes.io/name"] = `app-${i % 10}`;
      await podNamed(`p-${String(i).padStart(2, "0")}`, i % 7 === 6 ? undefined : labels, i % 4 === 1 ? undefined : `n${i % 3}`);
    }
    // Some Running (a field the status subresource writes).
    for (const i of [2, 3, 10, 11, 27]) {
      const name = `p-${String(i).padStart(2, "0")}`;
      await registry.patch(pods(), NS, name, "merge", { status: { phase: "Running" } }, {}, "status");
    }
  });

  const labelSelectors = [
    "",
    "tier=web",
    "tier==db",
    "tier!=web",
    "tier in (db,cache)",
    "tier notin (web,cache)",
    "exposed",
    "!exposed",
    "tier=web,exposed=no",
    "tier in (web),!app.kubernetes.io/name",
    "app.kubernetes.io/name in (app-0,app-5)",
    "tier=nothing",
  ];
  const fieldSelectors = ["", "spec.nodeName=n1", "spec.nodeName=", "spec.nodeName!=n0", "status.phase=Running", "status.phase!=Running,spec.nodeName=n2", "metadata.name=p-03", "metadata.namespace=sel"];

  it("every combination of set-based, equality and field selectors selects what decoding every object selects, cold and warm, paged and not, for lists and a watch's initial events", async () => {
    let nonEmpty = 0;
    let partial = 0;
    for (let round = 0; round < 2; round++) {
      for (const ls of labelSelectors)
        for (const fs of fieldSelectors) {
          if (!ls && !fs) continue;
          const predicate = predicateFromQuery(pods(), query(ls, fs))!;
          expect(predicate.selectors, `${ls} / ${fs}`).to.not.equal(undefined);
          // The same function without its selectors: lists decode every entry to test it.
          const decoding: Predicate = (obj) => predicate(obj);
          const want = await walk(decoding, 0);
          const what = `labelSelector=${ls} fieldSelector=${fs} (round ${round})`;
          expect(await walk(predicate, 0), what).to.deep.equal(want);
          expect(await walk(predicate, 4), `${what}, pages of 4`).to.deep.equal(await walk(decoding, 4));
          expect(await initialEvents(predicate), `${what}, watch`).to.deep.equal(await initialEvents(decoding));
          if (round === 0 && want.length > 0) nonEmpty++;
          if (round === 0 && want.length > 0 && want.length < 40) partial++;
        }
    }
    // The cases select something, and not everything.
    expect(nonEmpty).to.be.greaterThan(40);
    expect(partial).to.be.greaterThan(40);
  });

  it("a write's new revision is tested by its own labels and fields, never by those kept for the revision before it", async () => {
    const web = predicateFromQuery(pods(), query("tier=web", ""))!;
    const db = predicateFromQuery(pods(), query("tier=db", ""))!;
    const running = predicateFromQuery(pods(), query("", "status.phase=Running"))!;
    const onN9 = predicateFromQuery(pods(), query("tier", "spec.nodeName=n9"))!;
    const inList = async (p: Predicate, name: string) => (await walk(p, 0)).includes(name);

    // p-00: tier=web, nodeName n0, Pending; listed once so that its labels and fields are kept.
    expect(await inList(web, "p-00")).to.equal(true);
    expect(await inList(db, "p-00")).to.equal(false);
    expect(await inList(running, "p-00")).to.equal(false);

    await registry.patch(pods(), NS, "p-00", "merge", { metadata: { labels: { tier: "db" } } });
    expect(await inList(web, "p-00")).to.equal(false);
    expect(await inList(db, "p-00")).to.equal(true);

    await registry.patch(pods(), NS, "p-00", "merge", { status: { phase: "Running" } }, {}, "status");
    expect(await inList(running, "p-00")).to.equal(true);
    expect(await inList(db, "p-00")).to.equal(true);

    // A pod re-created under the same name with other labels and node.
    expect(await inList(onN9, "p-04")).to.equal(false);
    await registry.delete(pods(), NS, "p-04", { gracePeriodSeconds: 0 });
    expect(await inList(web, "p-04")).to.equal(false);
    await podNamed("p-04", { tier: "cache" }, "n9");
    expect(await inList(onN9, "p-04")).to.equal(true);
    expect(await inList(web, "p-04")).to.equal(false);

    // An old revision read at its resourceVersion is tested by its own labels.
    const before = (await registry.list(pods(), NS, {})).resourceVersion;
    await registry.patch(pods(), NS, "p-08", "merge", { metadata: { labels: { tier: "db" } } });
    const exact = (p: Predicate) => registry.list(pods(), NS, { predicate: p, resourceVersion: before, resourceVersionMatch: "Exact" });
    expect(names((await exact(web)).items)).to.include("p-08");
    expect(names((await exact(db)).items)).to.not.include("p-08");
    expect(await inList(web, "p-08")).to.equal(false);
    expect(await inList(db, "p-08")).to.equal(true);
  });
});
