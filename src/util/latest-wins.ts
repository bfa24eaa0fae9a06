/**
 * Sends one value at a time, in the order asked, where only the latest matters (a framework's
 * SUPPRESS or REVIVE: sent at once, they can travel on separate connections and reach the
 * master in either order). A value asked for while another is being sent waits; a newer one
 * replaces it, so at most one waits however often values are asked for. Each request's
 * promise settles once the send that carries it, or the one that replaced it, has finished;
 * it never rejects (send reports its own failures).
 */
export class LatestWins<T> {
  private sending = false;
  private waiting: { value: T; readonly done: Promise<void>; readonly resolve: () => void } | undefined;

  constructor(private readonly send: (value: T) => Promise<void> | void) {}

  request(value: T): Promise<void> {
    if (this.waiting) {
      this.waiting.value = value;
      return this.waiting.done;
    }
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.waiting = { value, done, resolve };
    if (!this.sending) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.sending = true;
    while (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      try {
        await this.send(w.value);
      } catch {
        // send's own to report
      } finally {
        w.resolve();
      }
    }
    this.sending = false;
  }
}
