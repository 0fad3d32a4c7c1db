import "server-only";
import pg from "pg";
import { UTC_SESSION } from "@/server/infra/db";
import { env } from "@/server/infra/env";
import { logger } from "@/server/infra/logger";

// Connections for streaming exports, apart from Prisma's pool: an export holds its connection
// (and a read-only transaction) for as long as the download lasts, so a few slow downloads must
// not starve the pages. Created on first use (the build imports route modules without a
// database) and kept on globalThis so development hot reloads don't open new pools.

/** Exports that can stream at once; one more waits up to EXPORT_CONNECT_TIMEOUT_MS, then fails. */
export const EXPORT_POOL_SIZE = 4;
export const EXPORT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * PostgreSQL ends an export's session when its transaction sits idle this long (a download whose
 * client stopped reading and was never cancelled), so a stuck download cannot hold a connection
 * and a snapshot for ever.
 */
export const EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10 * 60_000;

const globalForExports = globalThis as unknown as { infoshareExportPool?: pg.Pool };

export function exportPool(): pg.Pool {
  if (!globalForExports.infoshareExportPool) {
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: EXPORT_POOL_SIZE,
      connectionTimeoutMillis: EXPORT_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: "infoshare-export",
      // Same session settings as the app's other connections (see UTC_SESSION in ../db).
      options: `${UTC_SESSION} -c idle_in_transaction_session_timeout=${EXPORT_IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
    });
    // An idle connection the server closes (restart, timeout) is dropped from the pool; without a
    // listener the error would end the process.
    pool.on("error", (error) => logger().error({ err: error }, "Export pool connection failed while idle"));
    globalForExports.infoshareExportPool = pool;
  }
  return globalForExports.infoshareExportPool;
}

/** Closes the pool (tests, shutdown). The next exportPool() opens a new one. */
export async function closeExportPool(): Promise<void> {
  const pool = globalForExports.infoshareExportPool;
  globalForExports.infoshareExportPool = undefined;
  await pool?.end();
}
