/**
 * The core/v1 view of an Event. kube-apiserver keeps events.k8s.io/v1 Events in the core
 * Event storage, so field selectors and printed tables of both APIs work on the core
 * fields; Convert_v1_Event_To_core_Event (pkg/apis/events/v1) says how names map.
 */
import type { KubeObject } from "../types.js";
import type { ResourceInfo } from "../registry/types.js";

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** core/v1 Event as JSON (timestamps are RFC 3339 strings). */
export interface CoreEvent extends KubeObject {
  involvedObject?: ObjectReference;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  action?: string;
  related?: ObjectReference;
  reportingComponent?: string;
  reportingInstance?: string;
}

interface EventsV1Event extends KubeObject {
  regarding?: ObjectReference;
  note?: string;
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
  reportingController?: string;
  reportingInstance?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  reason?: string;
  type?: string;
  action?: string;
  related?: ObjectReference;
}

/** The object as a core/v1 Event: itself for core events, converted for events.k8s.io ones. */
export function coreEventView(resource: Pick<ResourceInfo, "group">, obj: KubeObject): CoreEvent {
  if (resource.group !== "events.k8s.io") return obj as CoreEvent;
  const e = obj as EventsV1Event;
  const out: CoreEvent = { metadata: e.metadata };
  if (e.regarding !== undefined) out.involvedObject = e.regarding;
  if (e.note !== undefined) out.message = e.note;
  if (e.deprecatedSource !== undefined) out.source = e.deprecatedSource;
  if (e.deprecatedFirstTimestamp !== undefined) out.firstTimestamp = e.deprecatedFirstTimestamp;
  if (e.deprecatedLastTimestamp !== undefined) out.lastTimestamp = e.deprecatedLastTimestamp;
  if (e.deprecatedCount !== undefined) out.count = e.deprecatedCount;
  if (e.reportingController !== undefined) out.reportingComponent = e.reportingController;
  if (e.reportingInstance !== undefined) out.reportingInstance = e.reportingInstance;
  if (e.eventTime !== undefined) out.eventTime = e.eventTime;
  if (e.series !== undefined) out.series = e.series;
  if (e.reason !== undefined) out.reason = e.reason;
  if (e.type !== undefined) out.type = e.type;
  if (e.action !== undefined) out.action = e.action;
  if (e.related !== undefined) out.related = e.related;
  return out;
}
