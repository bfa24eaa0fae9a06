/**
 * k8s.io/apimachinery/pkg/util/duration and the printers' timestamp helpers: the AGE,
 * LAST SEEN, DURATION and "(5m ago)" strings of every table.
 */

const second = 1000;
/** 0001-01-01T00:00:00Z, Go's zero time.Time. */
const goZeroTime = -62135596800000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * duration.HumanDuration: ~2-3 significant figures ("5s", "3m20s", "2d3h", "400d", "3y12d").
 * Up to 2s in the future counts as now ("0s"); further is "<invalid>".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / second);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / minute);
  if (minutes < 10) {
    const s = Math.trunc(ms / second) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / hour);
  if (hours < 8) {
    const m = Math.trunc(ms / minute) % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Milliseconds since the epoch of a metav1.Time / MicroTime (string or Date), undefined when unset or zero. */
export function timeOf(ts: unknown): number | undefined {
  let ms: number;
  if (ts instanceof Date) ms = ts.getTime();
  else if (typeof ts === "string" && ts !== "") ms = Date.parse(ts);
  else return undefined;
  // Go's zero time (0001-01-01T00:00:00Z) is "unset" too.
  if (Number.isNaN(ms) || ms <= goZeroTime) return undefined;
  return ms;
}

/** translateTimestampSince: "<unknown>" for an unset time, otherwise the age at `now`. */
export function translateTimestampSince(ts: unknown, now: Date): string {
  const t = timeOf(ts);
  return t === undefined ? "<unknown>" : humanDuration(now.getTime() - t);
}
