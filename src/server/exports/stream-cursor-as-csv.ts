import "server-only";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { UTF8_BOM, Utf8ChunkBuilder, csvRow } from "./encode-csv";
import { exportPool } from "./export-pool";

export interface CursorQuery {
  /** A SELECT whose every column is text (cast in SQL), so rows need no conversion in JavaScript. */
  text: string;
  values: unknown[];
}

/**
 * A cursor's query from a tagged template (decision 012: raw SQL is written one way, as
 * Prisma.sql tagged templates): pg's DECLARE … CURSOR needs text with numbered placeholders
 * and its values, which the template numbers itself, so no placeholder is counted by hand.
 */
export function cursorQuery(sql: Prisma.Sql): CursorQuery {
  return { text: sql.text, values: sql.values };
}

export interface StreamCursorAsCsvOptions {
  query: CursorQuery;
  header: readonly string[];
  /** Rows per FETCH, and so per chunk. Memory is proportional to this, not to the export's size. */
  batchSize?: number;
  /** Defaults to the export pool. */
  pool?: pg.Pool;
}

export const DEFAULT_EXPORT_BATCH_SIZE = 2_000;
const CURSOR_NAME = "infoshare_export";

/** Every export connection is in use and none came free in time. */
export class ExportBusyError extends Error {
  constructor(cause: unknown) {
    super("Every export connection is busy", { cause });
    this.name = "ExportBusyError";
  }
}

/**
 * Opens a server-side cursor for `query` in a read-only REPEATABLE READ transaction on a
 * connection of its own, and returns a CSV byte stream over it: a UTF-8 byte order mark and the
 * header, then one chunk per FETCH. The stream is pull-based: a batch is fetched only when the
 * reader (in the end, the HTTP response's socket) has taken the chunk before the last, so a slow
 * download holds a few batches in memory, never the export. The whole export reads one snapshot.
 *
 * Resolves once the cursor is open, so a bad query or an unreachable database fails before any
 * response is sent. The caller must read the stream to its end or cancel it; either returns the
 * connection to the pool (and PostgreSQL's idle-in-transaction timeout ends a stream that is
 * neither). Throws ExportBusyError when no connection came free in time.
 */
export async function streamCursorAsCsv(options: StreamCursorAsCsvOptions): Promise<ReadableStream<Uint8Array>> {
  const batchSize = options.batchSize ?? DEFAULT_EXPORT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
  const pool = options.pool ?? exportPool();

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message)) throw new ExportBusyError(error);
    throw error;
  }

  let released = false;
  let failure: Error | null = null;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.off("error", onConnectionError);
    // With an error the pool destroys the connection instead of reusing it in an unknown state.
    client.release(error);
  };
  // The server ended the session (idle timeout, restart) while the reader was away.
  const onConnectionError = (error: Error) => {
    failure = error;
    release(error);
  };
  client.on("error", onConnectionError);

  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE ${CURSOR_NAME} NO SCROLL CURSOR FOR ${options.query.text}`, options.query.values);
  } catch (error) {
    release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }

  /**
   * One FETCH, each row turned into CSV and encoded into the batch's chunk as it arrives, so no
   * row outlives its own parsing. (Collecting a batch's rows into an array first, as
   * `client.query` and pg-cursor do, kept about a batch of rows alive at every young-generation
   * collection; V8 moved them to the old generation, and a million-row export grew the process
   * by 100-150 MB between full collections instead of 11-27 MB. See decision 006.)
   */
  const fetchBatch = (): Promise<{ rows: number; chunk: Uint8Array }> => {
    const batch = new Promise<{ rows: number; chunk: Uint8Array }>((resolve, reject) => {
      const chunk = new Utf8ChunkBuilder(expectedChunkBytes);
      let rows = 0;
      let settled = false;
      // @types/pg types Query's config without rowMode, which pg's Query honours.
      const config: pg.QueryArrayConfig = { text: `FETCH ${batchSize} FROM ${CURSOR_NAME}`, rowMode: "array" };
      const query = new pg.Query<(string | null)[]>(config);
      query.on("row", (row) => {
        rows += 1;
        chunk.append(csvRow(row));
      });
      // After an error pg still reports the query's end; only the first outcome counts.
      query.on("error", (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
      query.on("end", () => {
        if (settled) return;
        settled = true;
        const bytes = chunk.take();
        expectedChunkBytes = Math.max(expectedChunkBytes, bytes.byteLength);
        resolve({ rows, chunk: bytes });
      });
      client.query(query);
    });
    // Handled where it is awaited; this stops a failure of a batch nobody waits for any more (the
    // reader cancelled) from being reported as an unhandled rejection.
    batch.catch(() => undefined);
    return batch;
  };
  let expectedChunkBytes = 64 * 1024;
  let pending: Promise<{ rows: number; chunk: Uint8Array }> | null = null;
  let headerSent = false;
  let cancelled = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (cancelled) return;
        if (failure || released) {
          controller.error(failure ?? new Error("The export's database connection was closed"));
          return;
        }
        if (!headerSent) {
          headerSent = true;
          pending = fetchBatch();
          controller.enqueue(new TextEncoder().encode(UTF8_BOM + csvRow(options.header)));
          return;
        }
        try {
          const { rows, chunk } = await pending!;
          if (cancelled) return;
          const more = rows === batchSize;
          // The next batch is on its way while the reader takes this one: PostgreSQL, this
          // process and the network work at the same time, and at most two batches are held.
          pending = more ? fetchBatch() : null;
          if (rows > 0) controller.enqueue(chunk);
          if (!more) {
            // Read-only, so COMMIT and ROLLBACK are the same; COMMIT says it ended well.
            await client.query("COMMIT");
            release();
            if (!cancelled) controller.close();
          }
        } catch (error) {
          const failed = error instanceof Error ? error : new Error(String(error));
          release(failed);
          if (!cancelled) controller.error(failed);
        }
      },
      async cancel() {
        // The reader went away (download abandoned): end the transaction, return the connection.
        // A FETCH still running finishes first (the connection runs its queries in order).
        cancelled = true;
        if (released) return;
        try {
          await client.query("ROLLBACK");
          release();
        } catch (error) {
          release(error instanceof Error ? error : new Error(String(error)));
        }
      },
    },
    // One chunk queued ahead of the reader, one batch being fetched: memory stays a few batches.
    { highWaterMark: 1 },
  );
}
