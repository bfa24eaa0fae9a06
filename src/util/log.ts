/**
 * Structured logging: one JSON object per line on stderr, with a timestamp, level,
 * the role that logged it and a message, plus any fields.
 */

export type Level = "debug" | "info" | "warn" | "error";

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines carry these fields too. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  readonly level?: Level;
  /** Where lines go (default: process.stderr). */
  readonly write?: (line: string) => void;
}

export function createLogger(role: string, opts: LoggerOptions = {}, base: Record<string, unknown> = {}): Logger {
  const min = order[opts.level ?? ((process.env.BERTH_LOG_LEVEL as Level | undefined) ?? "info")] ?? order.info;
  const write = opts.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const log = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[level] < min) return;
    write(JSON.stringify({ ts: new Date().toISOString(), level, role, msg, ...base, ...fields }, errorReplacer));
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(role, opts, { ...base, ...fields }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
