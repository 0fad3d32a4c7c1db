import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { reportDatabaseFailure } from "./database-availability";

// One client per process, created on first use (the build imports this module without a
// database) and kept on globalThis so development hot reloads don't open new pools.
const globalForPrisma = globalThis as unknown as { infosharePrisma?: PrismaClient; infosharePool?: pg.Pool };

/**
 * Every session in UTC. @prisma/adapter-pg writes a DateTime as UTC wall-clock time with no offset
 * and reads a timestamptz by relabelling its offset as +00:00 (prisma/orm#26786, #28629), so on a
 * server whose TimeZone is not UTC (initdb takes the machine's) every stored instant would be
 * shifted, and the audit chain, whose hashes cover each event's time, would not verify.
 */
export const UTC_SESSION = "-c TimeZone=UTC";

/**
 * How long a query waits for a connection (a new one, or a free one from a busy pool) before it
 * fails. Without a limit a database that stops answering would hang every request.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 10_000;

export function db(): PrismaClient {
  if (!globalForPrisma.infosharePrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: DATABASE_POOL_SIZE,
      options: UTC_SESSION,
      connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
      // Idle connections do not keep a script alive (Prisma's $disconnect ends the pool only once it used it).
      allowExitOnIdle: true,
    });
    // An idle connection the server closes is dropped; without a listener its error would end the process.
    pool.on("error", reportDatabaseFailure);
    const adapter = new PrismaPg(pool, {
      // A lost connection opens the circuit breaker at once (proxy.ts then answers 503).
      onPoolError: reportDatabaseFailure,
      onConnectionError: reportDatabaseFailure,
      // $disconnect() closes the pool, as when the adapter made it.
      disposeExternalPool: true,
    });
    globalForPrisma.infosharePrisma = new PrismaClient({ adapter });
    globalForPrisma.infosharePool = pool;
  }
  return globalForPrisma.infosharePrisma;
}

/**
 * The pool under db(), for the few hot paths that send one statement with plain `pg` rather than
 * through Prisma (recording a decision, decision 037): same connections, same session settings.
 */
export function dbPool(): pg.Pool {
  const pool = (db(), globalForPrisma.infosharePool!);
  if (!pool.ended) return pool;
  // db().$disconnect() ended it; Prisma reconnects with a pool of its own, so this gets a new one too.
  globalForPrisma.infosharePrisma = undefined;
  return (db(), globalForPrisma.infosharePool!);
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
