/** A line-per-event logger. Callers pass only safe fields: never tokens, cookies or passwords. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = "info" | "warn" | "error";

const LEVEL: Record<Level, string> = { info: "info ", warn: "warn ", error: "error" };
const NEEDS_QUOTES = /[\s"=]/;

// A plain loop: this runs for every request (the proxy's reads included), arrays and closures showed in its profile.
function format(level: Level, message: string, fields?: Record<string, unknown>): string {
  let line = `${timestamp()} ${LEVEL[level]} ${message}`;
  if (fields)
    for (const k of Object.keys(fields)) {
      const v = fields[k];
      if (v === undefined) continue;
      line += ` ${k}=${typeof v === "string" ? (NEEDS_QUOTES.test(v) ? JSON.stringify(v) : v) : JSON.stringify(v)}`;
    }
  return line;
}

// Busy moments log several lines per millisecond: each millisecond's ISO text is made once.
let stampedAt = NaN;
let stamp = "";
function timestamp(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = new Date(now).toISOString();
  }
  return stamp;
}

export function createLogger(write: (line: string, level: Level) => void = defaultWrite): Logger {
  return {
    info: (m, f) => write(format("info", m, f), "info"),
    warn: (m, f) => write(format("warn", m, f), "warn"),
    error: (m, f) => write(format("error", m, f), "error"),
  };
}

function defaultWrite(line: string, level: Level) {
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

/** Collects lines in memory (tests scan them for secrets). */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line)),
    { lines },
  );
}

export const silentLogger: Logger = createLogger(() => {});
