// Helpers shared by `npm run bench` and the tools in bench/tools: running a bench script in a
// process of its own, and short owner connections.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SignedInUser } from "@/server/auth/current-actor";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import type { HarnessUser } from "../../scripts/lib/harness/fixtures";

const WORK_DIR = join(REPO_ROOT, ".data", "bench-work");
const TSX = join(REPO_ROOT, "node_modules", ".bin", "tsx");

let specCounter = 0;
function specFile(spec: unknown): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, `spec-${process.pid}-${(specCounter += 1)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

/**
 * Runs a bench script (a path under bench/) in a process of its own and returns the JSON it prints last.
 * `root`: the tree to run it from (another ref's copy, to compare before and after), this one by default.
 */
export function runChild<T>(script: string, spec: unknown, extraArgs: string[] = [], root = REPO_ROOT): Promise<T> {
  const file = specFile(spec);
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [...extraArgs, join(root, "bench", script), file], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => {
      rmSync(file, { force: true });
      // The app's own JSON log lines (src/server/infra/logger.ts) share stdout: skip them.
      const line =
        stdout
          .trim()
          .split("\n")
          .findLast((l) => !l.includes('"service":"infoshare"')) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as T);
      else reject(new Error(`${script} failed (${code}):\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`));
    });
  });
}

export function asActor(user: HarnessUser, organisationName: string): SignedInUser {
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    teamId: user.teamId,
    name: user.name,
    email: user.email,
    jobTitle: "Social worker",
    organisationName,
    teamName: null,
  };
}
