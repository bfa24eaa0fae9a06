/**
 * POST /api/v1/scheduler (Master::Http::scheduler) and POST /api/v1/agent (berth's agent
 * link, same framing): the subscribing call answers 200 with a RecordIO stream of JSON
 * events and a Mesos-Stream-Id header; every other call carries that header and is
 * answered 202 Accepted, or 4xx with a plain-text message.
 */
import type { Request, RequestHandler, Response } from "express";
import type { AgentCall } from "../../mesos/agent.js";
import { MesosApiError, type EventSink, type Subscription } from "../../mesos/link.js";
import type { SchedulerCall } from "../../mesos/v1.js";
import type { Master } from "../master.js";
import { checkAccept, parseJsonCall, responseSink, sendError } from "./stream.js";

interface StreamingApi<C, E> {
  subscribe(call: C, sink: EventSink<E>): Promise<Subscription>;
  call(streamId: string, call: C): Promise<void>;
}

function handler<C extends { type?: string }, E>(
  what: string,
  api: StreamingApi<C, E>,
  isSubscribe: (c: C) => boolean,
  okStatus: (c: C) => number,
): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const call = parseJsonCall<C>(req, what);
      if (!call.type) throw new MesosApiError(400, `Failed to validate ${what}::Call: Expecting 'type' to be present`);
      const streamHeader = req.headers["mesos-stream-id"];
      const streamId = Array.isArray(streamHeader) ? streamHeader[0] : streamHeader;
      if (isSubscribe(call)) {
        checkAccept(req);
        if (streamId !== undefined) throw new MesosApiError(400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
        const sink = responseSink<E>(res);
        const sub = await api.subscribe(call, sink);
        sink.start(sub.streamId);
        return;
      }
      await api.call(streamId ?? "", call);
      res.status(okStatus(call)).end();
    } catch (e) {
      sendError(res, e);
    }
  };
}

export function schedulerHandler(master: Master): RequestHandler {
  return handler<SchedulerCall, unknown>(
    "scheduler",
    master.scheduler as StreamingApi<SchedulerCall, unknown>,
    (c) => c.type === "SUBSCRIBE",
    // UPDATE_FRAMEWORK answers 200 OK in Mesos; every other call 202 Accepted.
    (c) => (c.type === "UPDATE_FRAMEWORK" ? 200 : 202),
  );
}

export function agentHandler(master: Master): RequestHandler {
  return handler<AgentCall, unknown>("agent", master.agentApi as StreamingApi<AgentCall, unknown>, (c) => c.type === "REGISTER" || c.type === "REREGISTER", () => 202);
}
