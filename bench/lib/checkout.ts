// Another git ref's tree beside this one, to measure before and after a change in one run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/migrations";

/**
 * A copy of the tree at `ref` (src, scripts, bench, config) in a temporary folder, sharing this
 * tree's node_modules and Prisma client. remove() deletes it.
 */
export function checkout(ref: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(REPO_ROOT, ".data", "before-"));
  const archive = spawnSync(
    "sh",
    ["-c", `git archive ${ref} src scripts bench tsconfig.json package.json | tar -x -C ${root}`],
    { cwd: REPO_ROOT, encoding: "utf8" },
  );
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(REPO_ROOT, "src", "generated"), join(root, "src", "generated"));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
