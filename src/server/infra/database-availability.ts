import "server-only";
import pg from "pg";
import { env } from "./env";

// A circuit breaker for the database, checked by proxy.ts before any page or action runs: while
// PostgreSQL is unreachable, requests get a quick "service unavailable" answer instead of each
// waiting for, and failing on, a connection of its own. State lives on globalThis because proxy.ts
// and the app's routes are separate bundles in one process (see
// docs/decisions/007-performance-and-resilience.md).
//
// - Up: requests pass at once. At most once a second a request starts a background probe (one
//   `SELECT 1` on a connection kept for the purpose), so an outage is noticed within about a second
//   even when no pooled connection sees it; the app's pools also report connection failures here
//   (src/server/infra/db.ts), which opens the breaker at once.
// - Down: requests are refused at once, except that at most once a second one probe runs (waited
//   for, at most PROBE_TIMEOUT_MS); the first probe that succeeds closes the breaker.
// - Only a definite failure (refused, reset, shut down, starting up) opens it; a timeout changes
//   nothing, because under heavy load a busy event loop makes a healthy database look slow. A
//   database that stops answering without refusing is left to the pool's connection timeout
//   (DATABASE_CONNECT_TIMEOUT_MS in db.ts), so requests still end, with the error page.

export const PROBE_INTERVAL_MS = 1_000;
export const PROBE_TIMEOUT_MS = 1_000;

interface BreakerState {
  available: boolean;
  /** When availability was last established (probe finished, or a failure reported). */
  checkedAt: number;
  probe: Promise<boolean> | null;
  client: pg.Client | null;
  /** Tests replace the probe. */
  probeWith: (() => Promise<boolean | null>) | null;
}

const globalForBreaker = globalThis as unknown as { infoshareDatabaseBreaker?: BreakerState };

function state(): BreakerState {
  globalForBreaker.infoshareDatabaseBreaker ??= {
    available: true,
    checkedAt: 0,
    probe: null,
    client: null,
    probeWith: null,
  };
  return globalForBreaker.infoshareDatabaseBreaker;
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// SQLSTATE class 08 (connection exception), and the server shutting down or starting up.
const CONNECTION_SQLSTATES = /^(08...|57P01|57P02|57P03)$/;
// Not timeouts: a probe or a pool that times out may only mean this process is overloaded (its
// event loop too busy to read the answer in time), and a breaker that opened under load would turn
// a slow service into an unavailable one.
const CONNECTION_MESSAGES = new RegExp(
  [
    "Connection terminated(?! due to connection timeout)",
    "Can't reach database server",
    "connect ECONNREFUSED",
    "the database system is (starting up|shutting down|in recovery mode)",
  ].join("|"),
  "i",
);

/**
 * Whether `error` says for certain that the database cannot be reached (refused, reset, shut
 * down, starting up), as opposed to a query that failed or anything that merely took too long.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") break;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || CONNECTION_SQLSTATES.test(code))) return true;
    if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/** Called by the database pools with connection errors: opens the breaker at once. */
export function reportDatabaseFailure(error: unknown): void {
  if (!isConnectionFailure(error)) return;
  const breaker = state();
  breaker.available = false;
  breaker.checkedAt = Date.now();
}

function discardProbeClient(breaker: BreakerState): void {
  const client = breaker.client;
  breaker.client = null;
  client?.end().catch(() => undefined);
}

/** true: reachable; false: certainly not; null: no verdict (it timed out), so nothing changes. */
async function probeDatabase(breaker: BreakerState): Promise<boolean | null> {
  if (breaker.probeWith) return breaker.probeWith();
  try {
    if (!breaker.client) {
      const client = new pg.Client({
        connectionString: env().DATABASE_URL,
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
        query_timeout: PROBE_TIMEOUT_MS,
        application_name: "infoshare-availability",
      });
      // The server ending the session (shutdown) arrives as an 'error' event; unhandled, it would end the process.
      client.on("error", () => {
        if (breaker.client === client) discardProbeClient(breaker);
      });
      breaker.client = client;
      await client.connect();
    }
    await breaker.client.query("SELECT 1");
    return true;
  } catch (error) {
    discardProbeClient(breaker);
    return isConnectionFailure(error) ? false : null;
  }
}

/**
 * Whether the database can be used, as far as is known: never waits while it is up, and waits at
 * most PROBE_TIMEOUT_MS while it is down. Probes at most once every PROBE_INTERVAL_MS.
 */
export async function databaseAvailable(now: number = Date.now()): Promise<boolean> {
  const breaker = state();
  if (!breaker.probe && now - breaker.checkedAt >= PROBE_INTERVAL_MS) {
    breaker.probe = probeDatabase(breaker).then((verdict) => {
      if (verdict !== null) breaker.available = verdict;
      breaker.checkedAt = Date.now();
      breaker.probe = null;
      return breaker.available;
    });
  }
  if (!breaker.available && breaker.probe) return breaker.probe;
  return breaker.available;
}

/** For tests: a fresh breaker, optionally with a stand-in probe. */
export function resetDatabaseBreaker(probe: (() => Promise<boolean | null>) | null = null): void {
  const previous = globalForBreaker.infoshareDatabaseBreaker;
  if (previous) discardProbeClient(previous);
  globalForBreaker.infoshareDatabaseBreaker = {
    available: true,
    checkedAt: 0,
    probe: null,
    client: null,
    probeWith: probe,
  };
}
