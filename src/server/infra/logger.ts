import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import type { RequestMeta } from "@/server/infra/request-context";

// Structured logging (decision 013): one JSON object per line, each carrying the request id that
// proxy.ts stamps and that the request's audit events carry too, so a log line, the request and
// its audit trail can be joined. Logs go to operators and log stores that are not cleared to hold
// what practitioners record about children, so personal data is removed before a line is
// written, whatever a caller passes.

/** Keys whose values never reach a log (compared lower-case, without "_" and "-"). */
const PERSONAL_KEYS = new Set([
  // who people are
  "name",
  "fullname",
  "firstname",
  "lastname",
  "displayname",
  "email",
  "emailaddress",
  "username",
  "ip",
  "ipaddress",
  "useragent",
  "phone",
  "address",
  "dateofbirth",
  "dob",
  // what is recorded about a child
  "casereference",
  "answers",
  "answer",
  "record",
  "detail",
  "rationale",
  "purpose",
  "reason",
  "comment",
  "comments",
  "resolution",
  "actionrequired",
  "notes",
  "note",
  "text",
  "freetext",
  "recipient",
  "concern",
  "description",
  "query",
  "search",
  "body",
  "values",
  "params",
  // credentials
  "cookie",
  "cookies",
  "setcookie",
  "authorization",
  "token",
  "accesstoken",
  "refreshtoken",
  "sessiontoken",
  "idtoken",
  "password",
  "passwordhash",
  "secret",
  "nextauthsecret",
  "apikey",
  "csrftoken",
]);
const REDACTED = "[redacted]";
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;
const MAX_DEPTH = 8;

function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[-_]/g, ""));
}

/** Free text that slipped into an allowed field (an error message quoting a row) loses its email addresses. */
function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]");
}

/** A copy of a log object with every personal field replaced and every string scrubbed. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    // An error's own fields (pg's `detail` quotes the offending row) go through the same rules.
    const { name, message, stack } = value;
    const own = Object.fromEntries(Object.entries(value));
    return redactForLog({ ...own, type: name, message, stack }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isPersonalKey(key) ? REDACTED : redactForLog(item, depth + 1);
  }
  return out;
}

/**
 * A logger writing JSON lines to `destination` (stdout by default). The level is `level`, else
 * LOG_LEVEL, else info (warn under tests: their own lines would bury the results).
 */
export function createLogger(destination?: DestinationStream, level?: string): Logger {
  const options: pino.LoggerOptions = {
    level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "infoshare" },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "message",
    // Every bound and per-line field passes through redaction; errors are expanded there too.
    formatters: {
      bindings: (bindings) => redactForLog(bindings) as Record<string, unknown>,
      log: (object) => redactForLog(object) as Record<string, unknown>,
    },
    serializers: { err: (error: unknown) => error },
    // Messages are meant to be constant text; any email address in one is scrubbed all the same.
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  const log = destination ? pino(options, destination) : pino(options);
  // formatters.bindings sees only the root's bindings, not a child's: redact those as the child is
  // made. Children inherit from their parent, so every descendant's child() comes here too.
  const makeChild = log.child;
  log.child = function child(this: Logger, bindings, childOptions) {
    return makeChild.call(this, redactForLog(bindings) as pino.Bindings, childOptions);
  } as Logger["child"];
  return log;
}

let shared: Logger | null = null;

/** The process's logger. */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}

/** The logger for one request: every line carries its request id (the one its audit events carry). */
export function requestLogger(meta: Pick<RequestMeta, "requestId">): Logger {
  return logger().child({ requestId: meta.requestId });
}
