import { expect } from "chai";
import { ThroughputSampler } from "../../bench/lib/stats.js";

describe("bench: throughput samples (scheduler_perf's collector)", () => {
  it("skips ticks before the first item and the first interval, and divides by each interval's length", () => {
    const s = new ThroughputSampler();
    s.tick(0, 0);
    s.tick(5, 1000); // first counted: the start, not a sample
    s.tick(105, 2000);
    s.tick(305, 3000);
    expect(s.summary()).to.deep.equal({ p50: 100, p90: 200, p99: 200, samples: 2 });
  });

  it("merges intervals with nothing counted into the next one", () => {
    const s = new ThroughputSampler();
    s.tick(10, 0);
    s.tick(10, 1000);
    s.tick(10, 2000);
    s.tick(40, 3000); // 30 over 3 s: three samples of 10/s
    expect(s.summary()).to.deep.equal({ p50: 10, p90: 10, p99: 10, samples: 3 });
  });

  it("counts a late tick as the seconds it spans", () => {
    const s = new ThroughputSampler();
    s.tick(1, 0);
    s.tick(101, 1000);
    s.tick(601, 6000); // stalled 5 s: 500 over 5 s is five samples of 100/s, not one of 500
    expect(s.summary()).to.deep.equal({ p50: 100, p90: 100, p99: 100, samples: 6 });
  });
});
