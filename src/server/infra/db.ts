import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { reportDatabaseFailure } from "./database-availability";

// One client per process, created on first use (the build imports this module without a
// database) and kept on globalThis so development hot reloads don't open new pools.
const globalForPrisma = globalThis as unknown as { infosharePrisma?: PrismaClient };

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
    const adapter = new PrismaPg(
      {
        connectionString: DATABASE_URL,
        max: DATABASE_POOL_SIZE,
        options: UTC_SESSION,
        connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
      },
      // A lost connection opens the circuit breaker at once (proxy.ts then answers 503).
      { onPoolError: reportDatabaseFailure, onConnectionError: reportDatabaseFailure },
    );
    globalForPrisma.infosharePrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.infosharePrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
