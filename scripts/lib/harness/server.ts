// The production app as the benchmarks and fault tests run it: a build in a directory of its own
// (NEXT_DIST_DIR, so it never disturbs a developer's .next), and `next start` on a loopback port
// with a given database. See bench/README.md and docs/decisions/007-performance-and-resilience.md.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildIsFresh } from "../build-freshness";
import { REPO_ROOT } from "../migrations";

export const HARNESS_DIST_DIR = ".next-bench";
const NEXT_BIN = join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

/** Files `next build` rewrites for a non-default distDir; put back byte for byte, with their times. */
const REWRITTEN_BY_BUILD = ["tsconfig.json", "next-env.d.ts"];

/**
 * Builds the app into `distDir` unless that build is newer than every source. `next build` adds
 * the distDir's type folders to tsconfig.json and points next-env.d.ts at them; both are restored
 * (content and modification time, so the build does not look stale to the next check).
 */
export function ensureProductionBuild(
  options: { distDir?: string; log?: (message: string) => void; force?: boolean } = {},
): { built: boolean; seconds: number } {
  const distDir = options.distDir ?? HARNESS_DIST_DIR;
  const log = options.log ?? (() => undefined);
  if (!options.force && buildIsFresh(REPO_ROOT, distDir)) {
    log(`Production build in ${distDir} is up to date.`);
    return { built: false, seconds: 0 };
  }
  log(`Building the production app into ${distDir}…`);
  const saved = REWRITTEN_BY_BUILD.map((name) => {
    const path = join(REPO_ROOT, name);
    return existsSync(path)
      ? { path, content: readFileSync(path), stat: statSync(path) }
      : { path, content: null, stat: null };
  });
  const started = performance.now();
  try {
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0)
      throw new Error(`next build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  } finally {
    for (const file of saved) {
      if (!file.content || !file.stat) continue;
      const now = existsSync(file.path) ? readFileSync(file.path) : null;
      if (!now || !now.equals(file.content)) writeFileSync(file.path, file.content);
      utimesSync(file.path, file.stat.atime, file.stat.mtime);
    }
  }
  return { built: true, seconds: (performance.now() - started) / 1000 };
}

export interface AppServer {
  port: number;
  origin: string;
  /** The process that serves requests (next-server), e.g. for /proc/<pid>/status. */
  pid: number;
  child: ChildProcess;
  /** Recent output, newest last (for failure messages). */
  output(): string;
  /** Resolves when the server process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** kill -9: no cleanup, no graceful shutdown, requests in flight are cut off. */
  kill9(): Promise<void>;
}

export interface StartAppServerOptions {
  port: number;
  databaseUrl: string;
  secret: string;
  distDir?: string;
  env?: Record<string, string>;
  /** Flags for node itself, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/profiles"] to profile the server. */
  nodeArgs?: string[];
  /** Give up waiting for the first response after this long. */
  readyTimeoutMs?: number;
}

/** Child processes of `pid` (Linux: /proc/<pid>/task/<tid>/children). */
export function childPids(pid: number): number[] {
  const pids: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process is gone
  }
  return pids;
}

/** Resident set size of a process in bytes (VmRSS), or null when it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system), in seconds, or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the
    // 12th and stime the 13th, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function waitForFirstResponse(origin: string, timeoutMs: number, exitedEarly: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedEarly()) throw new Error("the app server exited before it answered");
    try {
      // Any answer will do: with the database down, health answers 503.
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`the app server did not answer on ${origin} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function startAppServer(options: StartAppServerOptions): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), NEXT_BIN, "start", "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: options.distDir ?? HARNESS_DIST_DIR,
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: options.secret,
        NEXTAUTH_URL: origin,
        NEXT_TELEMETRY_DISABLED: "1",
        CHECKPOINT_DISABLE: "1",
        ...options.env,
      },
    },
  );
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const stop = async () => {
    if (done) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForFirstResponse(origin, options.readyTimeoutMs ?? 60_000, () => done);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${lines.join("\n")}`);
  }
  // `next start` serves from its own process today; should it ever fork, the server is the child.
  const pid = childPids(child.pid!)[0] ?? child.pid!;
  return {
    port: options.port,
    origin,
    pid,
    child,
    output: () => lines.join("\n"),
    exited,
    alive: () => !done,
    stop,
    kill9: async () => {
      if (done) return;
      if (pid !== child.pid) process.kill(pid, "SIGKILL");
      child.kill("SIGKILL");
      await exited;
    },
  };
}
