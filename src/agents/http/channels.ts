/**
 * The WebSocket channel protocol of remote commands (Kubernetes' v4/v5.channel.k8s.io, as
 * kubectl 1.35 speaks it): every binary message starts with one byte naming its channel
 * (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize); the rest is the payload. v5 adds the
 * close signal: a message [255, channel] half-closes that channel (kubectl sends it when
 * its stdin ends). The error channel carries one JSON metav1.Status when the command ends;
 * then the server closes the WebSocket normally.
 */
import type { WebSocket } from "ws";

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
export const CLOSE = 255;

export const V5 = "v5.channel.k8s.io";
export const V4 = "v4.channel.k8s.io";
/** Best first: the one a server picks when a client offers several. */
export const CHANNEL_PROTOCOLS = [V5, V4] as const;

/** metav1.Status as the error channel carries it. */
export interface ChannelStatus {
  readonly metadata: Record<string, never>;
  readonly status: "Success" | "Failure";
  readonly message?: string;
  readonly reason?: string;
  readonly details?: { readonly causes: readonly { readonly reason: string; readonly message: string }[] };
}

export const success = (): ChannelStatus => ({ metadata: {}, status: "Success" });

/** What kubelet writes for a command that exited non-zero; kubectl exits with that code. */
export function exitStatus(code: number, argv: readonly string[]): ChannelStatus {
  return {
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(code) }] },
  };
}

export const failure = (message: string, reason = "InternalError"): ChannelStatus => ({ metadata: {}, status: "Failure", message, reason });

/** The subprotocol a server picks from the client's offer, or undefined when none is supported. */
export function pickChannelProtocol(offered: Iterable<string>): string | undefined {
  const set = new Set([...offered].map((p) => p.trim()));
  return CHANNEL_PROTOCOLS.find((p) => set.has(p));
}

export interface ChannelHandlers {
  stdin?(data: Buffer): void;
  /** The client closed its stdin (v5 close signal), or the connection ended. */
  stdinEnd?(): void;
  resize?(size: { Width: number; Height: number }): void;
  /** The WebSocket closed (either side). */
  closed?(): void;
}

/** Server side of one channel connection. */
export class ChannelConn {
  private done = false;
  private stdinEnded = false;

  constructor(
    readonly ws: WebSocket,
    private readonly h: ChannelHandlers,
  ) {
    ws.on("message", (data, isBinary) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (!isBinary || buf.length === 0) return;
      const ch = buf[0]!;
      const payload = buf.subarray(1);
      if (ch === CLOSE) {
        if (payload[0] === STDIN) this.endStdin();
      } else if (ch === STDIN) {
        if (payload.length) h.stdin?.(payload);
      } else if (ch === RESIZE) {
        try {
          const size = JSON.parse(payload.toString("utf8")) as { Width: number; Height: number };
          h.resize?.(size);
        } catch {
          /* a malformed resize is ignored, as kubelet logs and drops it */
        }
      }
    });
    ws.on("close", () => {
      this.done = true;
      this.endStdin();
      h.closed?.();
    });
    ws.on("error", () => ws.terminate());
  }

  get open(): boolean {
    return !this.done;
  }

  private endStdin(): void {
    if (this.stdinEnded) return;
    this.stdinEnded = true;
    this.h.stdinEnd?.();
  }

  /** Sends data on a channel; resolves once the socket took it (for backpressure). */
  send(channel: number, data: Buffer): Promise<void> {
    if (this.done || data.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.ws.send(Buffer.concat([Buffer.from([channel]), data]), { binary: true }, () => resolve()));
  }

  /** The final status on the error channel, then a normal close. */
  finish(status: ChannelStatus): void {
    if (this.done) return;
    this.done = true;
    this.ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify(status))]), { binary: true }, () => this.ws.close(1000));
  }
}
