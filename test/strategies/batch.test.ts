import { expect } from "chai";
import type { KubeObject } from "../../src/k8s-api/types.js";
import { cronParseError } from "../../src/k8s-api/validation/batch.js";
import { clone, create, created, info, lines, update, updateStatus } from "./helpers.js";

const JOB = info("batch", "Job");
const CRONJOB = info("batch", "CronJob");

/** What `kubectl create job pi --image=perl` sends. */
const job = (name = "pi", restartPolicy = "Never"): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name },
  spec: { template: { metadata: {}, spec: { containers: [{ name, image: "perl", resources: {} }], restartPolicy } } },
  status: {},
});

describe("strategies: batch/v1", () => {
  describe("Job", () => {
    it("defaults the spec and generates selector and labels", () => {
      const obj = created(JOB, job());
      const uid = obj.metadata!.uid!;
      const labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi" };
      expect(obj.metadata?.labels).to.deep.equal(labels);
      expect(obj.metadata?.generation).to.equal(1);
      const spec = obj.spec as Record<string, unknown>;
      expect(spec).to.deep.include({
        backoffLimit: 6,
        completionMode: "NonIndexed",
        completions: 1,
        manualSelector: false,
        parallelism: 1,
        podReplacementPolicy: "TerminatingOrFailed",
        suspend: false,
        selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
      });
      expect((spec.template as { metadata: unknown }).metadata).to.deep.equal({ labels });
      expect(obj.status).to.deep.equal({});
    });

    it("defaults podReplacementPolicy to Failed with a pod failure policy", () => {
      const j = job();
      (j.spec as Record<string, unknown>).podFailurePolicy = { rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] };
      const obj = created(JOB, j);
      expect((obj.spec as Record<string, unknown>).podReplacementPolicy).to.equal("Failed");
      expect((obj.spec as { podFailurePolicy: unknown }).podFailurePolicy).to.deep.equal({ rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] }] });
    });

    it("requires restartPolicy OnFailure or Never", () => {
      expect(lines(create(JOB, job("pi", "Always")).causes)).to.deep.equal([`spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`]);
    });

    it("rejects a manual selector that does not match", () => {
      const j = job();
      Object.assign(j.spec as object, { manualSelector: true, selector: { matchLabels: { app: "x" } } });
      expect(lines(create(JOB, j).causes)).to.deep.equal(["spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`"]);
    });

    it("keeps selector and template immutable, allows parallelism changes", () => {
      const old = created(JOB, job());
      const more = clone(old);
      (more.spec as Record<string, unknown>).parallelism = 3;
      const ok = update(JOB, more, old);
      expect(ok.causes).to.deep.equal([]);
      expect(ok.obj.metadata?.generation).to.equal(2);

      const image = clone(old);
      (image.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = "perl:5";
      const res = lines(update(JOB, image, old).causes);
      expect(res).to.have.length(1);
      expect(res[0]).to.match(/^spec\.template: Invalid value: \{.*\}: field is immutable$/);

      const selector = clone(old);
      (selector.spec as Record<string, unknown>).selector = { matchLabels: { "batch.kubernetes.io/controller-uid": "other" } };
      expect(lines(update(JOB, selector, old).causes)).to.include(
        `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
      );
    });

    it("lets a suspended job that never started change its scheduling directives", () => {
      const j = job();
      (j.spec as Record<string, unknown>).suspend = true;
      const old = created(JOB, j);
      const next = clone(old);
      (next.spec as { template: { spec: Record<string, unknown> } }).template.spec.nodeSelector = { zone: "a" };
      expect(update(JOB, next, old).causes).to.deep.equal([]);
    });

    it("protects terminal conditions on status writes", () => {
      const old = created(JOB, job());
      old.status = { conditions: [{ type: "Complete", status: "True" }], succeeded: 1, startTime: "2025-01-01T00:00:00Z", completionTime: "2025-01-01T00:01:00Z" };
      const next = clone(old);
      next.status = { succeeded: 1 };
      expect(lines(updateStatus(JOB, next, old).causes)).to.deep.equal(["status.conditions: Invalid value: cannot disable the terminal Complete=True condition"]);
    });
  });

  describe("CronJob", () => {
    const cronjob = (schedule = "*/5 * * * *", name = "tick"): KubeObject => ({
      metadata: { name },
      spec: { schedule, jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [{ name, image: "busybox" }], restartPolicy: "OnFailure" } } } } },
    });

    it("defaults concurrency, suspension and history limits", () => {
      const obj = created(CRONJOB, cronjob());
      expect(obj.spec).to.deep.include({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
      expect(obj.metadata?.generation).to.equal(1);
    });

    it("validates the schedule and name length (on create only)", () => {
      expect(lines(create(CRONJOB, cronjob("61 * * * *")).causes)).to.deep.equal([`spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61`]);
      expect(lines(create(CRONJOB, cronjob("* * *")).causes)).to.deep.equal([`spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]`]);
      expect(lines(create(CRONJOB, cronjob("TZ=UTC 0 * * * *")).causes)).to.deep.equal([`spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`]);
      const long = "a".repeat(53);
      expect(lines(create(CRONJOB, cronjob("@hourly", long)).causes)).to.deep.equal([`metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
    });

    const schedules: [string, string | undefined][] = [
      ["0 0 * * *", undefined],
      ["@daily", undefined],
      ["*/15 9-17 * * mon-fri", undefined],
      ["0 0 31 feb *", undefined],
      ["0 0 * * 7", "end of range (7) above maximum (6): 7"],
      ["@every 5m", undefined],
      ["@sometimes", "unrecognized descriptor: @sometimes"],
      ["x * * * *", `failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax`],
    ];
    for (const [s, want] of schedules) it(`parses schedule ${JSON.stringify(s)}`, () => expect(cronParseError(s)).to.equal(want));

    it("rejects a selector in the job template", () => {
      const cj = cronjob();
      ((cj.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec).selector = { matchLabels: { a: "b" } };
      expect(lines(create(CRONJOB, cj).causes)).to.deep.equal([
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      ]);
    });
  });
});
