/**
 * activeQ as a heap: every queue operation, in random sequences, answers exactly as the
 * sort-based queue it replaced (queue-reference.ts), including pop's bounded batches with
 * skipped pods, popAll, re-adds that change a pod's priority, and back-off/unschedulable moves.
 */
import { expect } from "chai";
import { SchedulingQueue, type QueuedPod } from "../../src/offer-bridge/queue.js";
import { SortedSchedulingQueue } from "./queue-reference.js";
import { rng } from "../support/rng.js";


describe("offer-bridge: scheduling queue (heap) against the sort-based reference", () => {
  const keys = (ps: readonly QueuedPod[]) => ps.map((p) => p.key);

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random add/delete/pop/skip/requeue/unschedulable sequences agree (seed ${seed})`, () => {
      const r = rng(seed);
      const int = (n: number) => Math.floor(r() * n);
      let now = 0;
      const heapQ = new SchedulingQueue({ now: () => now, initialBackoffMs: 10, maxBackoffMs: 80, maxUnschedulableMs: 500 });
      const refQ = new SortedSchedulingQueue({ now: () => now, initialBackoffMs: 10, maxBackoffMs: 80, maxUnschedulableMs: 500 });
      // Few keys, priorities and timestamps: many ties, so the key tie-break matters.
      const nKeys = 20 + int(200);
      const popped: string[] = [];
      let uidGen = 0;
      const uids = new Map<string, string>();
      for (let step = 0; step < 3000; step++) {
        const op = int(100);
        const key = `ns/p${int(nKeys)}`;
        if (op < 35) {
          // add: a new pod, or an update of a queued one (same uid, maybe new priority), or a re-created one (new uid)
          let uid = uids.get(key);
          if (!uid || int(10) === 0) uids.set(key, (uid = `u${uidGen++}`));
          const pod: QueuedPod = { key, uid, priority: int(4) * 100 - 100, timestamp: int(50) };
          heapQ.add(pod);
          refQ.add(pod);
        } else if (op < 42) {
          heapQ.delete(key);
          refQ.delete(key);
        } else if (op < 62) {
          const max = int(12);
          const skipped = new Set<string>();
          for (let i = int(30); i > 0; i--) skipped.add(`ns/p${int(nKeys)}`);
          const skip = int(3) === 0 ? undefined : (k: string) => skipped.has(k);
          const a = heapQ.pop(max, skip);
          const b = refQ.pop(max, skip);
          expect(keys(a.pods), `pop(${max}) at step ${step}`).to.deep.equal(keys(b.pods));
          expect(a.pods, `pop(${max}) at step ${step}`).to.deep.equal(b.pods);
          expect(a.more, `more at step ${step}`).to.equal(b.more);
          popped.push(...keys(a.pods));
        } else if (op < 64) {
          const a = heapQ.popAll();
          const b = refQ.popAll();
          expect(a, `popAll at step ${step}`).to.deep.equal(b);
          popped.push(...keys(a));
        } else if (op < 80 && popped.length) {
          // settle a popped pod: placed, requeued (no attempt) or unschedulable
          const k = popped.splice(int(popped.length), 1)[0]!;
          const how = int(3);
          if (how === 0) {
            heapQ.done(k);
            refQ.done(k);
          } else if (how === 1) {
            heapQ.requeue(k);
            refQ.requeue(k);
          } else expect(heapQ.addUnschedulable(k)).to.equal(refQ.addUnschedulable(k));
        } else if (op < 85) {
          heapQ.moveAllToActiveOrBackoff();
          refQ.moveAllToActiveOrBackoff();
        } else if (op < 95) {
          now += int(60);
        } else {
          expect(heapQ.hasActive()).to.equal(refQ.hasActive());
          expect(heapQ.nextBackoffEnd()).to.equal(refQ.nextBackoffEnd());
          expect(heapQ.nextLeftoverFlush()).to.equal(refQ.nextLeftoverFlush());
        }
        expect(heapQ.size, `size at step ${step}`).to.equal(refQ.size);
        if (step % 50 === 0) for (let i = 0; i < nKeys; i++) expect(heapQ.where(`ns/p${i}`), `where ns/p${i} at step ${step}`).to.equal(refQ.where(`ns/p${i}`));
      }
      // Drain both: same order to the end.
      expect(heapQ.popAll()).to.deep.equal(refQ.popAll());
    });
  }

  it("a large activeQ: pop(256) takes the best 256 not skipped, in order, and leaves the rest", () => {
    const heapQ = new SchedulingQueue();
    const refQ = new SortedSchedulingQueue();
    const r = rng(42);
    for (let i = 0; i < 20_000; i++) {
      const pod = { key: `ns/p${i}`, uid: `u${i}`, priority: Math.floor(r() * 5), timestamp: Math.floor(r() * 1000) };
      heapQ.add(pod);
      refQ.add(pod);
    }
    // Skip a third of the pods (as the framework skips those waiting for offers).
    const skip = (k: string) => Number(k.slice(4)) % 3 === 0;
    for (let round = 0; round < 30; round++) {
      const a = heapQ.pop(256, skip);
      const b = refQ.pop(256, skip);
      expect(a).to.deep.equal(b);
      // Every other round, half go back (no offer for them yet).
      if (round % 2) for (const p of a.pods.slice(128)) (heapQ.requeue(p.key), refQ.requeue(p.key));
    }
    expect(heapQ.popAll()).to.deep.equal(refQ.popAll());
  });
});
