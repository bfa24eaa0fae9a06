/**
 * Shared HTTP plumbing of the v1 endpoints: the streaming response (200, chunked RecordIO
 * of JSON events, Mesos-Stream-Id), body decoding with Mesos' error messages, and
 * MesosApiError -> status code with a plain-text body.
 */
import type { Request, Response } from "express";
import { MesosApiError } from "../../mesos/link.js";
import { encodeJsonRecord } from "../../mesos/recordio.js";
import type { ObservableSink } from "../sinks.js";

export const APPLICATION_JSON = "application/json";
export const APPLICATION_PROTOBUF = "application/x-protobuf";

/** A sink writing RecordIO frames into a response; it notices the client going away. */
export function responseSink<E>(res: Response): ObservableSink<E> & { start(streamId: string): void } {
  let closed = false;
  let started = false;
  const pending: Buffer[] = [];
  let endAfterStart = false;
  const listeners: (() => void)[] = [];
  const markClosed = () => {
    if (closed) return;
    closed = true;
    for (const l of listeners.splice(0)) l();
  };
  res.on("close", markClosed);
  return {
    send(e) {
      if (closed) return;
      const frame = encodeJsonRecord(e);
      if (started) res.write(frame);
      else pending.push(frame);
    },
    close() {
      if (closed) return;
      if (!started) {
        endAfterStart = true;
        return;
      }
      closed = true;
      res.end();
      for (const l of listeners.splice(0)) l();
    },
    get closed() {
      return closed || endAfterStart;
    },
    onClose(fn) {
      if (closed) fn();
      else listeners.push(fn);
    },
    start(streamId) {
      started = true;
      res.status(200);
      res.setHeader("Content-Type", APPLICATION_JSON);
      res.setHeader("Mesos-Stream-Id", streamId);
      res.setHeader("Cache-Control", "no-cache");
      res.flushHeaders();
      res.socket?.setNoDelay(true);
      for (const f of pending.splice(0)) res.write(f);
      if (endAfterStart) {
        closed = true;
        res.end();
        for (const l of listeners.splice(0)) l();
      }
    },
  };
}

/** Mesos' request checks before the call is looked at: Content-Type, JSON body. */
export function parseJsonCall<T>(req: Request, what: string): T {
  const ct = req.headers["content-type"];
  if (!ct) throw new MesosApiError(400, "Expecting 'Content-Type' to be present");
  const type = ct.split(";")[0]!.trim().toLowerCase();
  if (type === APPLICATION_PROTOBUF) throw new MesosApiError(415, `Unsupported 'Content-Type' ${APPLICATION_PROTOBUF}: berth accepts ${what} calls as ${APPLICATION_JSON} only`);
  if (type !== APPLICATION_JSON) throw new MesosApiError(415, `Expecting 'Content-Type' of ${APPLICATION_JSON} or ${APPLICATION_PROTOBUF}`);
  const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : typeof req.body === "string" ? req.body : "";
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new MesosApiError(400, `Failed to parse body into JSON: ${(e as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new MesosApiError(400, `Failed to convert JSON into Call protobuf: Expecting a JSON object`);
  return value as T;
}

/** A streaming response must be JSON: Mesos answers 406 when Accept allows neither type. */
export function checkAccept(req: Request): void {
  const accept = req.headers.accept;
  if (!accept) return;
  const ok = accept.split(",").some((part) => {
    const t = part.split(";")[0]!.trim().toLowerCase();
    return t === "*/*" || t === "application/*" || t === APPLICATION_JSON;
  });
  if (!ok) throw new MesosApiError(406, `Expecting 'Accept' to allow '${APPLICATION_PROTOBUF}' or '${APPLICATION_JSON}'`);
}

export function sendError(res: Response, e: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (e instanceof MesosApiError) {
    if ((e.code === 307 || e.code === 301 || e.code === 302) && e.location) res.setHeader("Location", e.location);
    res.status(e.code).type("text/plain").send(e.message);
    return;
  }
  res.status(500).type("text/plain").send(e instanceof Error ? e.message : String(e));
}

/** Location of the same path on the leading master (Mesos uses a protocol-relative //host:port/path). */
export function redirectLocation(leaderUrl: string, req: Request): string {
  return leaderUrl.replace(/\/+$/, "") + req.originalUrl;
}
