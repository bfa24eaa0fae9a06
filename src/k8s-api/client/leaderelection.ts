/**
 * Leader election through a coordination.k8s.io/v1 Lease, with client-go's
 * tools/leaderelection semantics (as kube-scheduler and kube-controller-manager run it):
 *
 * - A candidate tries every retryPeriod (with client-go's 1.2 jitter) to acquire the Lease:
 *   it may when the Lease does not exist, has no holder, is held by itself, or has not
 *   changed for leaseDuration as timed by the candidate's own clock from when it last saw
 *   the record change (not from renewTime: clocks of different machines need not agree).
 * - Every write carries the resourceVersion it read, so two candidates cannot both win:
 *   the loser gets 409 Conflict and stays a candidate.
 * - The leader renews every retryPeriod; if it has not renewed successfully for
 *   renewDeadline it stops leading at once (onStoppedLeading), so it has stopped acting
 *   before anyone else may acquire the Lease (leaseDuration > renewDeadline).
 * - leaseTransitions counts changes of holder; acquireTime is kept while the holder renews.
 * - On a clean stop the leader releases the Lease (ReleaseOnCancel): holder emptied and
 *   leaseDurationSeconds 1, so a standby takes over without waiting out the lease.
 */
import type { Logger } from "../../util/log.js";
import { ApiClientError, type ApiClient, type ResourceRef } from "./types.js";
import type { KubeObject } from "../types.js";

export const LEASES: ResourceRef = { group: "coordination.k8s.io", version: "v1", plural: "leases" };

/** client-go's JitterFactor for the retry period. */
const JITTER_FACTOR = 1.2;

export interface LeaderElectionConfig {
  readonly client: ApiClient;
  readonly namespace: string;
  readonly name: string;
  readonly identity: string;
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;
  readonly log: Logger;
  /** Called when this candidate becomes the leader. */
  readonly onStartedLeading: () => void;
  /** Called when it stops being the leader (lost the Lease, or stopped). */
  readonly onStoppedLeading: () => void;
  /** Called whenever the observed holder changes (including to this candidate). */
  readonly onNewLeader?: (identity: string) => void;
  readonly now?: () => number;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}
type Lease = KubeObject & { spec?: LeaseSpec };

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** The checks of leaderelection.NewLeaderElector. */
export function validateLeaderElection(c: Pick<LeaderElectionConfig, "leaseDurationMs" | "renewDeadlineMs" | "retryPeriodMs" | "identity">): void {
  if (!(c.leaseDurationMs > c.renewDeadlineMs)) throw new Error(`--lease-duration (${c.leaseDurationMs} ms) must be greater than --renew-deadline (${c.renewDeadlineMs} ms)`);
  if (!(c.renewDeadlineMs > JITTER_FACTOR * c.retryPeriodMs)) throw new Error(`--renew-deadline (${c.renewDeadlineMs} ms) must be greater than ${JITTER_FACTOR} x --retry-period (${c.retryPeriodMs} ms)`);
  if (!(c.leaseDurationMs >= 1000)) throw new Error(`--lease-duration must be at least 1s: ${c.leaseDurationMs} ms`);
  if (!(c.retryPeriodMs > 0)) throw new Error(`--retry-period must be positive: ${c.retryPeriodMs} ms`);
  if (!c.identity) throw new Error("leader election identity may not be empty");
}

export class LeaderElector {
  private observed: LeaseSpec | undefined;
  /** Our clock's time when the observed record last changed. */
  private observedAt = 0;
  private observedRV = "";
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private lastRenew = 0;
  private reportedLeader = "";
  private readonly now: () => number;

  constructor(private readonly c: LeaderElectionConfig) {
    validateLeaderElection(c);
    this.now = c.now ?? Date.now;
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** When this candidate last acquired or renewed the Lease (its own clock, ms). */
  lastRenewAt(): number {
    return this.lastRenew;
  }

  /** The holder this candidate last saw ("" when none). */
  leader(): string {
    return this.observed?.holderIdentity ?? "";
  }

  /** Start campaigning; returns at once. */
  run(): void {
    this.c.log.info("attempting to acquire leader lease", { lease: `${this.c.namespace}/${this.c.name}`, identity: this.c.identity });
    this.schedule(0);
  }

  /** Stop: release the Lease if held (so a standby takes over at once) and stop leading. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.leading) {
      this.leading = false;
      this.c.onStoppedLeading();
      await this.release().catch((e: unknown) => this.c.log.warn("releasing the lease failed", { err: e }));
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private jittered(): number {
    return this.c.retryPeriodMs * (1 + Math.random() * (JITTER_FACTOR - 1));
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let ok = false;
    try {
      ok = await this.tryAcquireOrRenew();
    } catch (e) {
      this.c.log.warn(this.leading ? "failed to renew lease" : "failed to acquire lease", { lease: `${this.c.namespace}/${this.c.name}`, err: e });
    }
    if (this.stopped) return;
    const t = this.now();
    if (ok) {
      this.lastRenew = t;
      if (!this.leading) {
        this.leading = true;
        this.c.log.info("successfully acquired lease", { lease: `${this.c.namespace}/${this.c.name}`, identity: this.c.identity });
        this.c.onStartedLeading();
      }
    } else if (this.leading && t - this.lastRenew >= this.c.renewDeadlineMs) {
      // renewDeadline passed without a successful renewal: stop acting before the lease can expire for others.
      this.leading = false;
      this.c.log.warn("leader election lost", { lease: `${this.c.namespace}/${this.c.name}`, identity: this.c.identity });
      this.c.onStoppedLeading();
    }
    this.reportLeader();
    // A leader retries a failed renewal every retryPeriod until renewDeadline, as client-go's renew loop.
    this.schedule(this.leading ? this.c.retryPeriodMs : this.jittered());
  }

  private reportLeader(): void {
    const holder = this.leader();
    if (holder && holder !== this.reportedLeader) {
      this.reportedLeader = holder;
      if (holder !== this.c.identity) this.c.log.info("new leader elected", { identity: holder });
      this.c.onNewLeader?.(holder);
    }
  }

  /** One attempt (tryAcquireOrRenew): true when this candidate holds the Lease afterwards. */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const t = this.now();
    const durationSeconds = Math.ceil(this.c.leaseDurationMs / 1000);
    const mine: LeaseSpec = { holderIdentity: this.c.identity, leaseDurationSeconds: durationSeconds, acquireTime: microTime(t), renewTime: microTime(t), leaseTransitions: 0 };
    let lease: Lease;
    try {
      lease = await this.c.client.get<Lease>(LEASES, this.c.namespace, this.c.name);
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 404)) throw e;
      const created = await this.c.client.create<Lease>(LEASES, this.c.namespace, {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: this.c.name, namespace: this.c.namespace },
        spec: mine,
      } as Lease);
      this.observe(created, t);
      return true;
    }
    const spec = lease.spec ?? {};
    this.observe(lease, t);
    const held = Boolean(spec.holderIdentity);
    const mineNow = spec.holderIdentity === this.c.identity;
    const durationMs = (spec.leaseDurationSeconds ?? durationSeconds) * 1000;
    if (held && !mineNow && this.observedAt + durationMs > t) {
      // Someone else holds it: a leader that sees this has lost it already; step down now rather than at renewDeadline.
      if (this.leading) this.lastRenew = -Infinity;
      return false;
    }
    // Holder unchanged: keep acquireTime and the count; a new holder is one more transition.
    const next: LeaseSpec = mineNow
      ? { ...mine, acquireTime: spec.acquireTime ?? mine.acquireTime, leaseTransitions: spec.leaseTransitions ?? 0 }
      : { ...mine, leaseTransitions: (spec.leaseTransitions ?? 0) + 1 };
    // resourceVersion makes this a compare-and-swap: a 409 means another candidate wrote first.
    const updated = await this.c.client.update<Lease>(LEASES, this.c.namespace, { ...lease, metadata: { ...lease.metadata, resourceVersion: this.observedRV }, spec: { ...spec, ...next } });
    this.observe(updated, t);
    return true;
  }

  private observe(lease: Lease, t: number): void {
    const spec = lease.spec ?? {};
    const changed = !this.observed || JSON.stringify(recordOf(spec)) !== JSON.stringify(recordOf(this.observed));
    if (changed) {
      this.observed = { ...spec };
      this.observedAt = t;
    }
    this.observedRV = lease.metadata?.resourceVersion ?? "";
  }

  private async release(): Promise<void> {
    const lease = await this.c.client.get<Lease>(LEASES, this.c.namespace, this.c.name);
    if (lease.spec?.holderIdentity !== this.c.identity) return;
    const t = this.now();
    await this.c.client.update<Lease>(LEASES, this.c.namespace, {
      ...lease,
      spec: { ...lease.spec, holderIdentity: undefined, leaseDurationSeconds: 1, acquireTime: microTime(t), renewTime: microTime(t), leaseTransitions: lease.spec?.leaseTransitions ?? 0 },
    } as Lease);
    this.c.log.info("released leader lease", { lease: `${this.c.namespace}/${this.c.name}` });
  }
}

/** The fields of a LeaderElectionRecord whose change resets the expiry clock. */
function recordOf(s: LeaseSpec) {
  return [s.holderIdentity ?? "", s.leaseDurationSeconds ?? 0, s.acquireTime ?? "", s.renewTime ?? "", s.leaseTransitions ?? 0];
}
