// PostgreSQL's own CPU time, from /proc, for figures that put a cost on the database as well as
// on Node (the request timers, recording a decision): the cluster runs on this machine.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { withClient } from "../../scripts/lib/harness/database";

/** The postmaster's pid of the cluster `ownerUrl` points at (as its owner: SHOW data_directory). */
export async function postmasterPidOf(ownerUrl: string): Promise<number> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return Number(readFileSync(join(rows[0]!.data_directory, "postmaster.pid"), "utf8").split("\n")[0]);
  });
}

/**
 * CPU seconds (user + system) of a PostgreSQL cluster: the postmaster's own, its reaped children's
 * (backends that have exited, in its cutime/cstime) and its live children's, from /proc.
 */
export function databaseCpuSeconds(postmasterPid: number): number {
  // After the command name (in parentheses, may hold spaces): ppid is field 1, utime 11, stime 12,
  // cutime 13, cstime 14, in clock ticks (100 a second on Linux).
  const statOf = (pid: string | number) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    } catch {
      return null;
    }
  };
  const postmaster = statOf(postmasterPid)!;
  let ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(postmaster[field]), 0);
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const stat = statOf(pid);
    if (stat && Number(stat[1]) === postmasterPid) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return ticks / 100;
}
