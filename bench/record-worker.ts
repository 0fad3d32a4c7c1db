// Recording decisions under load, in a process of its own (run with --conditions=react-server so
// the server modules' `import "server-only"` resolves): either the app's use case (recordDecision:
// re-validation of the draft, the decision row, its queue item, notifications, the draft's removal
// and the hash-chained audit event, in one transaction) or the database's floor: the same two
// INSERTs (the decision row and an audit event row) in one transaction with plain `pg`. Both as the
// app's role, at the same concurrency, against the same database. Reads a RecordSpec from the JSON
// file named by argv[2]; prints one JSON line.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import type { SignedInUser } from "@/server/auth/current-actor";
import { databaseCpuSeconds } from "./lib/database-cpu";
import { summarise } from "./lib/stats";

export interface RecordSpec {
  mode: "use-case" | "raw";
  databaseUrl: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** The cluster's postmaster, to take PostgreSQL's CPU time over the measured seconds too. */
  postmasterPid?: number;
  /** use-case: who records which draft, used in order. */
  work?: Array<{ user: SignedInUser; draftId: string }>;
  /** raw: a decision row and an audit event row to copy (column name → value as text or JSON). */
  decisionRow?: Record<string, unknown>;
  auditRow?: Record<string, unknown>;
}

export interface RecordResult {
  mode: RecordSpec["mode"];
  concurrency: number;
  seconds: number;
  recorded: number;
  failed: number;
  /** The first failure's message, if any failed. */
  firstError: string | null;
  exhausted: boolean;
  perSecond: number;
  /**
   * This process's CPU time (user + system) per recorded decision over the measured seconds: unlike the
   * rate, it hardly depends on what else the machine is running.
   */
  cpuMsPerRecord: number | null;
  /** PostgreSQL's CPU time (all of the cluster's processes) per recorded decision, when the spec named it. */
  databaseCpuMsPerRecord: number | null;
  latencyMs: ReturnType<typeof summarise>;
}

type Job = () => Promise<void>;

async function drive({ concurrency, warmupMs, durationMs, postmasterPid }: RecordSpec, next: () => Job | null) {
  const databaseCpu = () => (postmasterPid === undefined ? 0 : databaseCpuSeconds(postmasterPid));
  const latencies: number[] = [];
  let failed = 0;
  let exhausted = false;
  const warmupEnds = Date.now() + warmupMs;
  const ends = warmupEnds + durationMs;
  let measuredFrom = 0;
  let cpuFrom = process.cpuUsage();
  let databaseCpuFrom = 0;
  let recorded = 0;
  let firstError: string | null = null;
  const loop = async () => {
    for (;;) {
      const now = Date.now();
      if (now >= ends) return;
      const job = next();
      if (!job) {
        exhausted = true;
        return;
      }
      const started = performance.now();
      try {
        await job();
        if (now >= warmupEnds) {
          latencies.push(performance.now() - started);
          recorded += 1;
        }
      } catch (error) {
        if (now >= warmupEnds) failed += 1;
        firstError ??= error instanceof Error ? error.message.slice(0, 500) : String(error);
      }
    }
  };
  const warmupTimer = new Promise<void>((resolve) =>
    setTimeout(() => {
      measuredFrom = performance.now();
      cpuFrom = process.cpuUsage();
      databaseCpuFrom = databaseCpu();
      resolve();
    }, warmupMs),
  );
  await Promise.all([warmupTimer, ...Array.from({ length: concurrency }, loop)]);
  const seconds = (performance.now() - measuredFrom) / 1000;
  const cpu = process.cpuUsage(cpuFrom);
  const cpuMsPerRecord = recorded > 0 ? (cpu.user + cpu.system) / 1000 / recorded : null;
  const databaseCpuMsPerRecord =
    postmasterPid !== undefined && recorded > 0 ? ((databaseCpu() - databaseCpuFrom) * 1000) / recorded : null;
  return { latencies, failed, exhausted, seconds, recorded, firstError, cpuMsPerRecord, databaseCpuMsPerRecord };
}

async function recordThroughUseCase(spec: RecordSpec) {
  process.env.DATABASE_URL = spec.databaseUrl;
  process.env.DATABASE_POOL_SIZE = String(Math.max(10, spec.concurrency));
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
  const { recordDecision } = await import("@/server/decisions/record-decision");
  const { db } = await import("@/server/infra/db");
  const work = spec.work ?? [];
  let index = 0;
  try {
    return await drive(spec, () => {
      const item = work[index];
      index += 1;
      if (!item) return null;
      return async () => {
        const result = await recordDecision(item.user, item.draftId, { requestId: randomUUID(), ip: "127.0.0.1" });
        if (!result.ok || result.alreadyRecorded) throw new Error(`not recorded: ${JSON.stringify(result)}`);
      };
    });
  } finally {
    await db().$disconnect();
  }
}

async function raw(spec: RecordSpec) {
  const decision = spec.decisionRow ?? {};
  const audit = spec.auditRow ?? {};
  const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: spec.concurrency, options: "-c TimeZone=UTC" });
  const decisionColumns = Object.keys(decision).filter((c) => !["id", "reference", "draft_id"].includes(c));
  const auditColumns = Object.keys(audit).filter((c) => !["id", "chain_key", "chain_seq", "object_id"].includes(c));
  const insertDecision = `INSERT INTO decision (id, reference, draft_id, ${decisionColumns.join(", ")})
    VALUES ($1, $2, $3, ${decisionColumns.map((_, i) => `$${i + 4}`).join(", ")}) RETURNING id`;
  const insertAudit = `INSERT INTO audit_event (chain_key, chain_seq, object_id, ${auditColumns.join(", ")})
    VALUES ($1, $2, $3, ${auditColumns.map((_, i) => `$${i + 4}`).join(", ")}) RETURNING id`;
  const jsonish = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : value;
  const decisionValues = decisionColumns.map((c) => jsonish(decision[c]));
  const auditValues = auditColumns.map((c) => jsonish(audit[c]));
  const chainKey = `raw-insert-floor-${randomUUID()}`;
  let seq = 0;
  try {
    return await drive(spec, () => async () => {
      seq += 1;
      const mine = seq; // taken now: other jobs move `seq` on while this one awaits
      const reference = `RAW-${mine}-${randomUUID().slice(0, 8)}`;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(insertDecision, [randomUUID(), reference, randomUUID(), ...decisionValues]);
        await client.query(insertAudit, [chainKey, mine, reference, ...auditValues]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as RecordSpec;
  const run = spec.mode === "use-case" ? await recordThroughUseCase(spec) : await raw(spec);
  const result: RecordResult = {
    mode: spec.mode,
    concurrency: spec.concurrency,
    seconds: Math.round(run.seconds * 100) / 100,
    recorded: run.recorded,
    failed: run.failed,
    firstError: run.firstError,
    exhausted: run.exhausted,
    perSecond: Math.round((run.recorded / run.seconds) * 10) / 10,
    cpuMsPerRecord: run.cpuMsPerRecord === null ? null : Math.round(run.cpuMsPerRecord * 100) / 100,
    databaseCpuMsPerRecord:
      run.databaseCpuMsPerRecord === null ? null : Math.round(run.databaseCpuMsPerRecord * 100) / 100,
    latencyMs: summarise(run.latencies),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
