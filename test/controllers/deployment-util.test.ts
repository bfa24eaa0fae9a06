import { expect } from "chai";
import * as du from "../../src/k8s-api/controllers/deployment-util.js";
import type { ReplicaSetLike } from "../../src/k8s-api/controllers/replicaset.js";

function d(replicas: number, maxSurge?: number | string, maxUnavailable?: number | string, type = "RollingUpdate"): du.Deployment {
  return {
    metadata: { name: "d", annotations: { "kubernetes.io/change-cause": "kubectl set image", "kubectl.kubernetes.io/last-applied-configuration": "{}" } },
    spec: { replicas, strategy: { type, ...(type === "RollingUpdate" ? { rollingUpdate: { ...(maxSurge !== undefined ? { maxSurge } : {}), ...(maxUnavailable !== undefined ? { maxUnavailable } : {}) } } : {}) } },
  };
}

function rs(name: string, replicas: number, annotations: Record<string, string> = {}, created = "2024-01-01T00:00:00Z"): ReplicaSetLike {
  return { metadata: { name, uid: name, annotations, creationTimestamp: created } as unknown as ReplicaSetLike["metadata"], spec: { replicas } };
}

describe("deployment util", () => {
  it("resolves fenceposts as upstream (surge rounds up, unavailable down, never both zero)", () => {
    expect(du.resolveFenceposts("25%", "25%", 10)).to.deep.equal({ surge: 3, unavailable: 2 });
    expect(du.resolveFenceposts("25%", "25%", 3)).to.deep.equal({ surge: 1, unavailable: 0 });
    expect(du.resolveFenceposts("0%", "1%", 2)).to.deep.equal({ surge: 0, unavailable: 1 });
    expect(du.resolveFenceposts(0, 0, 5)).to.deep.equal({ surge: 0, unavailable: 1 });
    expect(du.maxSurge(d(10))).to.equal(3); // apps/v1 defaults 25%/25%
    expect(du.maxUnavailable(d(10))).to.equal(2);
    expect(du.maxUnavailable(d(2, 0, 5))).to.equal(2); // capped at replicas
    expect(du.maxSurge(d(10, undefined, undefined, "Recreate"))).to.equal(0);
  });

  it("computes the new ReplicaSet's replicas within maxSurge", () => {
    const dep = d(3, 1, 0);
    const newRS = rs("new", 0);
    expect(du.newRSNewReplicas(dep, [rs("old", 3), newRS], newRS)).to.equal(1);
    expect(du.newRSNewReplicas(dep, [rs("old", 3), rs("new", 1)], rs("new", 1))).to.equal(1);
    expect(du.newRSNewReplicas(dep, [rs("old", 1), rs("new", 1)], rs("new", 1))).to.equal(3);
    expect(du.newRSNewReplicas(d(3, undefined, undefined, "Recreate"), [newRS], newRS)).to.equal(3);
  });

  it("sets revision, history and replica annotations without copying skipped ones", () => {
    const dep = d(3, 1, 0);
    const r = rs("x", 0);
    expect(du.setNewReplicaSetAnnotations(dep, r, "1", false, du.MAX_REV_HISTORY_LENGTH_IN_CHARS)).to.equal(true);
    expect(r.metadata?.annotations).to.deep.equal({
      "kubernetes.io/change-cause": "kubectl set image",
      "deployment.kubernetes.io/revision": "1",
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
    });
    // Rolling back to it: a higher revision, the old one kept in revision-history.
    expect(du.setNewReplicaSetAnnotations(dep, r, "3", true, du.MAX_REV_HISTORY_LENGTH_IN_CHARS)).to.equal(true);
    expect(r.metadata?.annotations?.["deployment.kubernetes.io/revision"]).to.equal("3");
    expect(r.metadata?.annotations?.["deployment.kubernetes.io/revision-history"]).to.equal("1");
    du.setNewReplicaSetAnnotations(dep, r, "5", true, du.MAX_REV_HISTORY_LENGTH_IN_CHARS);
    expect(r.metadata?.annotations?.["deployment.kubernetes.io/revision-history"]).to.equal("1,3");
    expect(du.setNewReplicaSetAnnotations(dep, r, "2", true, du.MAX_REV_HISTORY_LENGTH_IN_CHARS)).to.equal(false);
  });

  it("shares added replicas in proportion to max-replicas", () => {
    // 10 -> 15 replicas, maxSurge 3 -> 4: two RSs of 5 (annotated max 13) grow by 9 in total.
    const dep = d(15, 3, 0);
    dep.status = { replicas: 10 };
    const a = rs("a", 5, { [du.MAX_REPLICAS_ANNOTATION]: "13" });
    const b = rs("b", 5, { [du.MAX_REPLICAS_ANNOTATION]: "13" });
    const toAdd = 15 + 3 - 10;
    const pa = du.getProportion(a, dep, toAdd, 0);
    const pb = du.getProportion(b, dep, toAdd, pa);
    expect(pa).to.equal(2); // round(5*18/13)=7 -> +2
    expect(pb).to.equal(2);
  });

  it("finds the only active or the latest ReplicaSet", () => {
    const old1 = rs("old1", 0, {}, "2024-01-01T00:00:00Z");
    const old2 = rs("old2", 0, {}, "2024-01-02T00:00:00Z");
    expect(du.findActiveOrLatest(undefined, [old1, old2])?.metadata?.name).to.equal("old2");
    expect(du.findActiveOrLatest(rs("new", 0), [rs("a", 2)])?.metadata?.name).to.equal("a");
    expect(du.findActiveOrLatest(rs("new", 1), [rs("a", 2)])).to.equal(undefined);
  });

  it("ignores the pod-template-hash label when comparing templates", () => {
    const t1 = { metadata: { labels: { app: "a", "pod-template-hash": "abc" } }, spec: { containers: [{ name: "c", image: "i", env: [] }] } };
    const t2 = { metadata: { labels: { app: "a" } }, spec: { containers: [{ name: "c", image: "i" }] } };
    expect(du.equalIgnoreHash(t1, t2)).to.equal(true);
    expect(du.equalIgnoreHash(t1, { ...t2, spec: { containers: [{ name: "c", image: "j" }] } })).to.equal(false);
  });
});
