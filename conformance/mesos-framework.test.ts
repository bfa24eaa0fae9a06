/**
 * Conformance: a framework written against Mesos' documented v1 scheduler HTTP API (raw
 * HTTP, RecordIO parsed here, JSON field names from the Mesos docs) runs real commands on
 * the local agent of `berth up`: SUBSCRIBE, OFFERS, ACCEPT with LAUNCH, UPDATEs
 * acknowledged, DECLINE, KILL, RECONCILE, TEARDOWN, and the operator /state.
 */
import { expect } from "chai";
import { request } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { startBerth, eventually, removeDir, type Berth } from "./harness.js";

interface Event {
  type: string;
  subscribed?: { framework_id: { value: string }; heartbeat_interval_seconds: number };
  offers?: { offers: { id: { value: string }; agent_id: { value: string }; hostname: string; resources: { name: string; scalar?: { value: number } }[] }[] };
  update?: { status: { task_id: { value: string }; state: string; uuid?: string; agent_id?: { value: string }; message?: string; reason?: string; source?: string } };
  error?: { message: string };
}

/** A minimal v1 scheduler client, as a framework author would write one from the docs. */
class RawFramework {
  events: Event[] = [];
  streamId = "";
  frameworkId = "";
  private req?: ReturnType<typeof request>;
  constructor(private readonly master: string) {}

  subscribe(info: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: info } });
      this.req = request(`${this.master}/api/v1/scheduler`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SUBSCRIBE answered ${res.statusCode}`));
        this.streamId = String(res.headers["mesos-stream-id"] ?? "");
        let buf = Buffer.alloc(0);
        res.on("data", (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          // RecordIO: "<length>\n<length bytes of JSON>".
          for (;;) {
            const nl = buf.indexOf(0x0a);
            if (nl < 0) break;
            const len = Number(buf.subarray(0, nl).toString());
            if (buf.length < nl + 1 + len) break;
            const ev = JSON.parse(buf.subarray(nl + 1, nl + 1 + len).toString()) as Event;
            buf = buf.subarray(nl + 1 + len);
            if (ev.type === "SUBSCRIBED") {
              this.frameworkId = ev.subscribed!.framework_id.value;
              resolve();
            }
            this.events.push(ev);
          }
        });
      });
      this.req.on("error", reject);
      this.req.end(body);
    });
  }

  async call(call: Record<string, unknown>): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.master}/api/v1/scheduler`, {
      method: "POST",
      headers: { "content-type": "application/json", "mesos-stream-id": this.streamId },
      body: JSON.stringify({ framework_id: { value: this.frameworkId }, ...call }),
    });
    return { status: res.status, text: await res.text() };
  }

  /** The next OFFERS event not yet consumed. */
  async nextOffers(seen: Set<string>) {
    return eventually(async () => this.events.filter((e) => e.type === "OFFERS").flatMap((e) => e.offers!.offers).find((o) => !seen.has(o.id.value) && (seen.add(o.id.value), true)), "an offer", 15_000, 50);
  }

  updates(taskId: string) {
    return this.events.filter((e) => e.type === "UPDATE" && e.update!.status.task_id.value === taskId).map((e) => e.update!.status);
  }

  /** Acknowledge every update carrying a uuid, as the docs require. */
  async acknowledgeAll(acked: Set<string>) {
    for (const e of this.events) {
      const s = e.update?.status;
      if (!s?.uuid || acked.has(s.uuid)) continue;
      acked.add(s.uuid);
      const r = await this.call({ type: "ACKNOWLEDGE", acknowledge: { agent_id: s.agent_id, task_id: s.task_id, uuid: s.uuid } });
      expect(r.status, r.text).to.equal(202);
    }
  }

  close() {
    this.req?.destroy();
  }
}

describe("conformance: a Mesos v1 HTTP framework on berth", function () {
  this.timeout(60_000);
  let b: Berth;
  let fw: RawFramework;
  const seenOffers = new Set<string>();
  const acked = new Set<string>();

  before(async () => {
    b = await startBerth();
    fw = new RawFramework(b.masterUrl);
  });
  after(async () => {
    fw?.close();
    if (b) {
      await b.stop();
      removeDir(b.dataDir);
    }
  });

  it("SUBSCRIBE streams SUBSCRIBED with a framework id and a Mesos-Stream-Id", async () => {
    await fw.subscribe({ user: "root", name: "conformance", roles: ["batch"], capabilities: [{ type: "MULTI_ROLE" }, { type: "PARTITION_AWARE" }], failover_timeout: 60 });
    expect(fw.streamId).to.match(/^[0-9a-f-]{36}$/);
    expect(fw.frameworkId).to.match(/\S+/);
  });

  it("the local agent's resources are offered", async () => {
    const offer = await fw.nextOffers(seenOffers);
    const cpus = offer.resources.find((r) => r.name === "cpus")?.scalar?.value ?? 0;
    expect(cpus).to.be.greaterThan(0);
    expect(offer.resources.map((r) => r.name)).to.include.members(["cpus", "mem"]);
    const r = await fw.call({ type: "DECLINE", decline: { offer_ids: [offer.id], filters: { refuse_seconds: 0 } } });
    expect(r.status, r.text).to.equal(202);
  });

  it("ACCEPT with LAUNCH runs a real command to TASK_FINISHED, updates acknowledged", async () => {
    const offer = await fw.nextOffers(seenOffers);
    const task = {
      name: "hello",
      task_id: { value: "hello-1" },
      agent_id: offer.agent_id,
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
        { name: "mem", type: "SCALAR", scalar: { value: 32 } },
      ],
      command: { value: 'echo "hello from $MESOS_TASK_ID" && sleep 0.3' },
    };
    const r = await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }], filters: { refuse_seconds: 0 } } });
    expect(r.status, r.text).to.equal(202);
    await eventually(async () => {
      await fw.acknowledgeAll(acked);
      return fw.updates("hello-1").some((s) => s.state === "TASK_FINISHED");
    }, "TASK_FINISHED", 20_000, 100);
    const states = fw.updates("hello-1").map((s) => s.state);
    expect(states).to.include("TASK_RUNNING");
    expect(states.indexOf("TASK_RUNNING")).to.be.lessThan(states.indexOf("TASK_FINISHED"));
    await fw.acknowledgeAll(acked);
  });

  it("the task's sandbox holds its stdout", async () => {
    const state = (await (await fetch(`${b.masterUrl}/state`)).json()) as { frameworks: { id: string; completed_tasks?: { id: string; state: string }[]; tasks: { id: string }[] }[] };
    const mine = state.frameworks.find((f) => f.id === fw.frameworkId);
    expect(mine, JSON.stringify(state.frameworks.map((f) => f.id))).to.not.equal(undefined);
    const done = [...(mine!.completed_tasks ?? []), ...mine!.tasks].find((t) => t.id === "hello-1") as { state?: string } | undefined;
    expect(done?.state).to.equal("TASK_FINISHED");
    const stdout = findFile(b.dataDir, "hello-1", "stdout");
    expect(stdout, "a sandbox stdout for hello-1 under the data directory").to.not.equal(undefined);
    expect(readFileSync(stdout!, "utf8")).to.contain("hello from hello-1");
  });

  it("a failing command ends TASK_FAILED with its exit status", async () => {
    const offer = await fw.nextOffers(seenOffers);
    const task = { name: "fails", task_id: { value: "fails-1" }, agent_id: offer.agent_id, resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.1 } }, { name: "mem", type: "SCALAR", scalar: { value: 32 } }], command: { value: "exit 3" } };
    await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }], filters: { refuse_seconds: 0 } } });
    const failed = await eventually(async () => {
      await fw.acknowledgeAll(acked);
      return fw.updates("fails-1").find((s) => s.state === "TASK_FAILED");
    }, "TASK_FAILED", 20_000, 100);
    expect(failed.message).to.contain("exited with status 3");
  });

  it("KILL stops a running task: TASK_KILLED", async () => {
    const offer = await fw.nextOffers(seenOffers);
    const task = { name: "long", task_id: { value: "long-1" }, agent_id: offer.agent_id, resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.1 } }, { name: "mem", type: "SCALAR", scalar: { value: 32 } }], command: { value: "sleep 30" } };
    await fw.call({ type: "ACCEPT", accept: { offer_ids: [offer.id], operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }], filters: { refuse_seconds: 0 } } });
    await eventually(async () => {
      await fw.acknowledgeAll(acked);
      return fw.updates("long-1").some((s) => s.state === "TASK_RUNNING");
    }, "TASK_RUNNING", 20_000, 100);
    const r = await fw.call({ type: "KILL", kill: { task_id: { value: "long-1" }, agent_id: offer.agent_id } });
    expect(r.status, r.text).to.equal(202);
    await eventually(async () => {
      await fw.acknowledgeAll(acked);
      return fw.updates("long-1").some((s) => s.state === "TASK_KILLED");
    }, "TASK_KILLED", 20_000, 100);
  });

  it("RECONCILE answers with the latest state of each task", async () => {
    const before = fw.events.length;
    const r = await fw.call({ type: "RECONCILE", reconcile: { tasks: [{ task_id: { value: "hello-1" } }, { task_id: { value: "never-launched" } }] } });
    expect(r.status, r.text).to.equal(202);
    const recon = await eventually(async () => {
      const got = fw.events.slice(before).filter((e) => e.type === "UPDATE").map((e) => e.update!.status);
      return got.length >= 2 && got;
    }, "two reconciliation updates");
    const byId = new Map(recon.map((s) => [s.task_id.value, s]));
    expect(byId.get("never-launched")?.state).to.be.oneOf(["TASK_UNKNOWN", "TASK_GONE"]);
    for (const s of recon) expect(s.reason).to.equal("REASON_RECONCILIATION");
  });

  it("calls without the stream id are refused with 400", async () => {
    const res = await fetch(`${b.masterUrl}/api/v1/scheduler`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "REVIVE", framework_id: { value: fw.frameworkId } }) });
    expect(res.status).to.equal(400);
    expect(await res.text()).to.match(/Mesos-Stream-Id/);
  });

  it("TEARDOWN removes the framework", async () => {
    const r = await fw.call({ type: "TEARDOWN" });
    expect(r.status, r.text).to.equal(202);
    await eventually(async () => {
      const state = (await (await fetch(`${b.masterUrl}/state`)).json()) as { frameworks: { id: string }[]; completed_frameworks: { id: string }[] };
      return !state.frameworks.some((f) => f.id === fw.frameworkId) && state.completed_frameworks.some((f) => f.id === fw.frameworkId);
    }, "the framework in completed_frameworks");
  });
});

/** The first file named `name` under root whose path mentions `marker` (a task's sandbox). */
function findFile(root: string, marker: string, name: string): string | undefined {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of readdirSync(dir)) {
      const p = `${dir}/${e}`;
      if (statSync(p).isDirectory()) stack.push(p);
      else if (e === name && p.includes(marker)) return p;
    }
  }
  return undefined;
}
