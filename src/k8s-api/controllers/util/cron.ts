/**
 * Cron schedules as the CronJob controller parses them (robfig/cron/v3's standard
 * parser): five fields (minute hour day-of-month month day-of-week) with lists, ranges,
 * steps and month/weekday names, and the @yearly/@annually, @monthly, @weekly,
 * @daily/@midnight and @hourly descriptors. Times are matched in an IANA time zone.
 */

interface Field {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

export interface Schedule {
  readonly sets: Set<number>[];
  /** Whether day-of-month / day-of-week were "*" or "?" (robfig's star bit). */
  readonly domStar: boolean;
  readonly dowStar: boolean;
}

function parseValue(s: string, f: Field): number {
  const named = f.names?.[s.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(s)) throw new Error(`failed to parse int from ${s}`);
  return Number(s);
}

function parseField(expr: string, f: Field): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  let star = false;
  for (const part of expr.split(",")) {
    const [range, stepStr, extra] = part.split("/");
    if (extra !== undefined || range === undefined) throw new Error(`too many slashes: ${part}`);
    let lo: number;
    let hi: number;
    let isStar = false;
    if (range === "*" || range === "?") {
      lo = f.min;
      hi = f.max;
      isStar = true;
    } else {
      const [a, b, c] = range.split("-");
      if (c !== undefined || a === undefined) throw new Error(`too many hyphens: ${range}`);
      lo = parseValue(a, f);
      hi = b === undefined ? lo : parseValue(b, f);
    }
    let step = 1;
    if (stepStr !== undefined) {
      if (!/^\d+$/.test(stepStr)) throw new Error(`failed to parse int from ${stepStr}`);
      step = Number(stepStr);
      if (step === 0) throw new Error(`step of range should be a positive number: ${part}`);
      // "N/step" means "N-max/step".
      if (!isStar && !range.includes("-")) hi = f.max;
      if (step > 1) isStar = false;
    }
    if (lo < f.min) throw new Error(`beginning of range (${lo}) below minimum (${f.min}): ${part}`);
    if (hi > f.max) throw new Error(`end of range (${hi}) above maximum (${f.max}): ${part}`);
    if (lo > hi) throw new Error(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    for (let v = lo; v <= hi; v += step) set.add(v);
    if (isStar) star = true;
  }
  return { set, star };
}

/** cron.ParseStandard. Throws with robfig's messages on a bad spec. */
export function parseSchedule(spec: string): Schedule {
  let s = spec.trim();
  if (!s) throw new Error("empty spec string");
  if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) throw new Error("CRON_TZ or TZ used in schedule is not supported, please use .spec.timeZone");
  if (s.startsWith("@")) {
    const d = DESCRIPTORS[s.toLowerCase()];
    if (!d) throw new Error(`unrecognized descriptor: ${s}`);
    s = d;
  }
  const parts = s.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: [${parts.join(" ")}]`);
  const parsed = parts.map((p, i) => parseField(p, FIELDS[i]!));
  return { sets: parsed.map((p) => p.set), domStar: parsed[2]!.star, dowStar: parsed[4]!.star };
}

/** Whether a time zone name is known (time.LoadLocation). */
export function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface Local {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

/** Local wall-clock fields of a time in a zone, with the zone offset cached per hour. */
class Zone {
  private readonly fmt?: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  constructor(tz: string | undefined) {
    if (tz && tz !== "UTC" && tz !== "Etc/UTC")
      this.fmt = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
  }
  private offset(ms: number): number {
    if (!this.fmt) return 0;
    const hourKey = Math.floor(ms / 3_600_000);
    let off = this.offsets.get(hourKey);
    if (off === undefined) {
      const p = Object.fromEntries(this.fmt.formatToParts(new Date(hourKey * 3_600_000)).map((x) => [x.type, x.value]));
      const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
      off = asUtc - hourKey * 3_600_000;
      this.offsets.set(hourKey, off);
    }
    return off;
  }
  local(ms: number): Local {
    const d = new Date(ms + this.offset(ms));
    return { minute: d.getUTCMinutes(), hour: d.getUTCHours(), day: d.getUTCDate(), month: d.getUTCMonth() + 1, weekday: d.getUTCDay() };
  }
}

function matches(s: Schedule, l: Local): boolean {
  const [mi, h, dom, mo, dow] = s.sets;
  if (!mi!.has(l.minute) || !h!.has(l.hour) || !mo!.has(l.month)) return false;
  const domOk = dom!.has(l.day);
  const dowOk = dow!.has(l.weekday);
  return s.domStar || s.dowStar ? domOk && dowOk : domOk || dowOk;
}

/** Most minutes scanned (a little over four years), so a nonsense schedule cannot hang. */
const MAX_SCAN_MINUTES = 4 * 366 * 24 * 60 + 1;

/** The first schedule time strictly after `after` (ms), or undefined. */
export function nextAfter(s: Schedule, tz: string | undefined, after: number): number | undefined {
  const z = new Zone(tz);
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let i = 0; i < MAX_SCAN_MINUTES; i++, t += 60_000) if (matches(s, z.local(t))) return t;
  return undefined;
}

/** Schedule times in (from, to]: the latest one and how many there are (upstream stops counting at some point; so do we). */
export function timesBetween(s: Schedule, tz: string | undefined, from: number, to: number): { latest?: number; count: number } {
  const z = new Zone(tz);
  let latest: number | undefined;
  let count = 0;
  const end = Math.min(to, from + MAX_SCAN_MINUTES * 60_000);
  for (let t = Math.floor(from / 60_000) * 60_000 + 60_000; t <= end; t += 60_000) {
    if (matches(s, z.local(t))) {
      latest = t;
      count++;
    }
  }
  return { latest, count };
}

/** RFC 3339 of a time as seen in a zone (the scheduled-timestamp annotation). */
export function rfc3339InZone(ms: number, tz: string | undefined): string {
  if (!tz || tz === "UTC" || tz === "Etc/UTC") return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const z = new Zone(tz);
  const off = (z as unknown as { offset(ms: number): number }).offset(ms);
  const d = new Date(ms + off);
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off) / 60_000;
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  const mm = String(a % 60).padStart(2, "0");
  return `${d.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
