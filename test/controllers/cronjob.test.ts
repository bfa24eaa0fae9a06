import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { parseSchedule, nextAfter, timesBetween, rfc3339InZone } from "../../src/k8s-api/controllers/util/cron.js";
import { EVENTS, eventually, getOrUndefined, list, newCluster, type Cluster } from "./helpers.js";

const JOBS = { group: "batch", version: "v1", plural: "jobs" } as const;
const CJ = { group: "batch", version: "v1", plural: "cronjobs" } as const;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = KubeObject & { metadata: any; [k: string]: any };

describe("cron schedules", () => {
  const at = (s: string) => Date.parse(s);
  it("parses fields, ranges, steps, names and descriptors", () => {
    const s = parseSchedule("*/15 9-17 * jan-mar mon-fri");
    expect([...s.sets[0]!]).to.deep.equal([0, 15, 30, 45]);
    expect(s.sets[3]!.has(3)).to.equal(true);
    expect(nextAfter(parseSchedule("@hourly"), undefined, at("2024-01-01T10:20:00Z"))).to.equal(at("2024-01-01T11:00:00Z"));
    expect(nextAfter(parseSchedule("0 0 * * sun"), undefined, at("2024-01-01T10:20:00Z"))).to.equal(at("2024-01-07T00:00:00Z"));
    // Day of month or day of week when both are restricted.
    expect(nextAfter(parseSchedule("0 0 15 * mon"), undefined, at("2024-01-01T10:00:00Z"))).to.equal(at("2024-01-08T00:00:00Z"));
    expect(nextAfter(parseSchedule("5/20 * * * *"), undefined, at("2024-01-01T10:06:00Z"))).to.equal(at("2024-01-01T10:25:00Z"));
    expect(() => parseSchedule("* * *")).to.throw(/expected exactly 5 fields/);
    expect(() => parseSchedule("61 * * * *")).to.throw(/above maximum/);
    expect(() => parseSchedule("TZ=UTC * * * * *")).to.throw(/not supported/);
  });
  it("matches in a time zone", () => {
    // 09:00 in New York is 14:00 UTC in winter.
    expect(nextAfter(parseSchedule("0 9 * * *"), "America/New_York", at("2024-01-10T00:00:00Z"))).to.equal(at("2024-01-10T14:00:00Z"));
    expect(rfc3339InZone(at("2024-01-10T14:00:00Z"), "America/New_York")).to.equal("2024-01-10T09:00:00-05:00");
    expect(timesBetween(parseSchedule("*/10 * * * *"), undefined, at("2024-01-01T00:00:00Z"), at("2024-01-01T01:00:00Z"))).to.deep.equal({ latest: at("2024-01-01T01:00:00Z"), count: 6 });
  });
});

describe("cronjob controller", function () {
  let c: Cluster;
  let clock = Date.now();
  const poke = (name: string) => c.client.patch(CJ, "default", name, "merge", { metadata: { annotations: { poke: String(Math.random()) } } });
  beforeEach(async () => {
    clock = Date.now();
    c = await newCluster({ controllers: ["cronjob-controller"], now: () => new Date(clock) });
  });
  afterEach(() => c.stop());

  function cronJob(name: string, spec: Record<string, unknown> = {}): KubeObject {
    return {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name },
      spec: { schedule: "* * * * *", jobTemplate: { metadata: { labels: { app: name } }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "m", image: "busybox" }] } } } }, ...spec },
    };
  }

  async function complete(name: string, type: "Complete" | "Failed"): Promise<void> {
    const j = await c.client.get<Any>(JOBS, "default", name);
    const t = new Date(clock).toISOString().replace(/\.\d{3}Z$/, "Z");
    const status = type === "Complete"
      ? { startTime: t, completionTime: t, succeeded: 1, conditions: [{ type: "SuccessCriteriaMet", status: "True" }, { type: "Complete", status: "True", lastTransitionTime: t }] }
      : { startTime: t, failed: 1, conditions: [{ type: "FailureTarget", status: "True" }, { type: "Failed", status: "True", lastTransitionTime: t }] };
    await c.client.update(JOBS, "default", { ...j, status }, { subresource: "status" });
  }

  it("creates a Job per schedule time, tracks it and keeps the history limits", async () => {
    const cj = await c.client.create<Any>(CJ, "default", <Any>cronJob("tick", { successfulJobsHistoryLimit: 1 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(await list(c.client, JOBS, "default")).to.have.length(0);
    const created = Date.parse(cj.metadata.creationTimestamp);
    const first = Math.floor(created / 60_000) * 60_000 + 60_000;
    clock = first + 5_000;
    await poke("tick");
    const name = `tick-${first / 60_000}`;
    const job = await eventually("first job", () => getOrUndefined<Any>(c.client, JOBS, "default", name)) as Any;
    expect(job.metadata.labels).to.deep.equal({ app: "tick" });
    expect(job.metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).to.equal(new Date(first).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(job.metadata.ownerReferences[0]).to.include({ kind: "CronJob", name: "tick", controller: true });
    const st = await eventually("active", async () => (await c.client.get<Any>(CJ, "default", "tick")).status?.active?.length === 1 && (await c.client.get<Any>(CJ, "default", "tick")).status);
    expect(st.active[0]).to.include({ kind: "Job", name, apiVersion: "batch/v1" });
    expect(st.lastScheduleTime).to.equal(new Date(first).toISOString().replace(/\.\d{3}Z$/, "Z"));
    await complete(name, "Complete");
    await eventually("lastSuccessfulTime", async () => {
      const s = (await c.client.get<Any>(CJ, "default", "tick")).status;
      return !s.active && s.lastSuccessfulTime;
    });
    // Next minute: a second Job; once it completes the first goes (history limit 1).
    clock = first + 65_000;
    await poke("tick");
    const second = `tick-${first / 60_000 + 1}`;
    await eventually("second job active", async () => (await c.client.get<Any>(CJ, "default", "tick")).status?.active?.[0]?.name === second);
    await complete(second, "Complete");
    await eventually("first deleted", async () => (await getOrUndefined(c.client, JOBS, "default", name)) === undefined);
    await eventually("SawCompletedJob", async () => (await list<Any>(c.client, EVENTS, "default")).some((e) => e.reason === "SawCompletedJob" && e.message === `Saw completed job: ${second}, condition: Complete`));
  });

  it("Forbid skips while a Job runs, Replace replaces it, suspend stops scheduling", async () => {
    const cj = await c.client.create<Any>(CJ, "default", <Any>cronJob("forbid", { concurrencyPolicy: "Forbid" }));
    const first = Math.floor(Date.parse(cj.metadata.creationTimestamp) / 60_000) * 60_000 + 60_000;
    clock = first + 1000;
    await poke("forbid");
    await eventually("first active", async () => (await c.client.get<Any>(CJ, "default", "forbid")).status?.active?.[0]?.name === `forbid-${first / 60_000}`);
    clock = first + 61_000;
    await poke("forbid");
    await eventually("JobAlreadyActive", async () => (await list<Any>(c.client, EVENTS, "default")).some((e) => e.reason === "JobAlreadyActive"));
    expect(await getOrUndefined(c.client, JOBS, "default", `forbid-${first / 60_000 + 1}`)).to.equal(undefined);
    await c.client.patch(CJ, "default", "forbid", "merge", { spec: { concurrencyPolicy: "Replace" } });
    await eventually("replaced", async () => {
      const names = (await list(c.client, JOBS, "default")).map((j) => j.metadata?.name);
      const active = (await c.client.get<Any>(CJ, "default", "forbid")).status?.active ?? [];
      return names.length === 1 && names[0] === `forbid-${first / 60_000 + 1}` && active.length === 1 && active[0].name === names[0];
    });
    await c.client.patch(CJ, "default", "forbid", "merge", { spec: { suspend: true } });
    clock = first + 121_000;
    await poke("forbid");
    await new Promise((r) => setTimeout(r, 100));
    expect(await getOrUndefined(c.client, JOBS, "default", `forbid-${first / 60_000 + 2}`)).to.equal(undefined);
  });

  it("misses schedules past startingDeadlineSeconds", async () => {
    const cj = await c.client.create<Any>(CJ, "default", <Any>cronJob("late", { schedule: "*/5 * * * *", startingDeadlineSeconds: 10 }));
    const created = Date.parse(cj.metadata.creationTimestamp);
    const slot = Math.floor(created / 300_000) * 300_000 + 300_000;
    clock = slot + 30_000;
    await poke("late");
    await new Promise((r) => setTimeout(r, 100));
    expect(await list(c.client, JOBS, "default")).to.have.length(0);
    clock = slot + 300_000 + 2000;
    await poke("late");
    await eventually("on time job", () => getOrUndefined(c.client, JOBS, "default", `late-${(slot + 300_000) / 60_000}`));
  });
});
