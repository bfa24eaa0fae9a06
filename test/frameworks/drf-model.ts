/** Weighted DRF as a textbook model, which the measured shares of the DRF tests are compared with. */

export interface Shape {
  readonly cpus: number;
  readonly mem: number;
}
export interface User<R extends string = string> {
  readonly role: R;
  readonly weight: number;
  readonly task: Shape;
}

export const dominant = (u: Shape, total: Shape) => Math.max(u.cpus / total.cpus, u.mem / total.mem);

/**
 * Weighted DRF by progressive filling in whole tasks (Ghodsi et al. 2011, with weights as
 * in Mesos' sorter): repeatedly give one task to the user with the lowest weighted
 * dominant share whose next task still fits the pool; stop when no one's does.
 */
export function progressiveFilling(total: Shape, users: readonly User<string>[]): number[] {
  const n = users.map(() => 0);
  const used = { cpus: 0, mem: 0 };
  for (;;) {
    let best = -1;
    let bestShare = Infinity;
    users.forEach((u, i) => {
      const fits = used.cpus + u.task.cpus <= total.cpus + 1e-9 && used.mem + u.task.mem <= total.mem + 1e-9;
      const share = (n[i]! * dominant(u.task, total)) / u.weight;
      if (fits && share < bestShare) [best, bestShare] = [i, share];
    });
    if (best < 0) return n;
    n[best]!++;
    used.cpus += users[best]!.task.cpus;
    used.mem += users[best]!.task.mem;
  }
}
