// The "record a decision" figure: the use case (bench/record-worker.ts `use-case`) against the
// database's floor (`raw`: the same two INSERTs in one transaction with plain pg), in a database
// of its own (the floor's rows are not a valid audit chain), alternately at each concurrency.
// Used by `npm run bench` and bench/tools/record-throughput.ts.
import type { SignedInUser } from "@/server/auth/current-actor";
import { enableAppRoleLogin } from "../../scripts/lib/app-role";
import { createDatabase, withDatabaseName } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import { seedDemoData } from "../../scripts/lib/seed";
import { createDrafts, createPractitioners, demoUser } from "../../scripts/lib/harness/fixtures";
import type { RecordResult, RecordSpec } from "../record-worker";
import { asActor, runChild } from "./children";
import { withClient } from "../../scripts/lib/harness/database";
import { postmasterPidOf } from "./database-cpu";
import { ratio } from "./stats";

export interface RecordVsRawRow {
  concurrency: number;
  useCase: RecordResult;
  raw: RecordResult;
  throughputVsRaw: number | null;
  /** The use case as it is in the `before` tree, run just before this tree's (when one is given). */
  before?: { useCase: RecordResult; throughputVsRaw: number | null };
}

export async function recordVsRaw(options: {
  /** As the owner, on the server to create the database on. */
  serverUrl: string;
  databaseName: string;
  concurrencies: readonly number[];
  seconds: number;
  warmupMs?: number;
  log?: (message: string) => void;
  /** Extra node arguments for the use-case worker (e.g. --cpu-prof). */
  useCaseNodeArgs?: string[];
  /** Another tree (bench/lib/checkout.ts) whose use case runs beside this tree's, on the same database. */
  beforeRoot?: string;
  /** Rounds of each concurrency (a row each), to see how much the figures move. */
  rounds?: number;
}): Promise<RecordVsRawRow[]> {
  const log = options.log ?? (() => undefined);
  const warmupMs = options.warmupMs ?? 1_500;
  const writers = Math.max(...options.concurrencies);
  const rounds = options.rounds ?? 1;
  const useCaseRuns = options.concurrencies.length * rounds * (options.beforeRoot ? 2 : 1);
  const writeUrl = await createDatabase(withDatabaseName(options.serverUrl, "postgres"), options.databaseName);
  await applyMigrations(writeUrl);
  await seedDemoData(writeUrl);
  const writeAppUrl = await enableAppRoleLogin(writeUrl);
  const postmasterPid = await postmasterPidOf(writeUrl);
  // Enough drafts for the fastest use case to keep the workers busy for every run.
  const perWriter = Math.ceil((1_200 * (options.seconds + warmupMs / 1000) * useCaseRuns) / writers);
  const work = await withClient(writeUrl, async (client) => {
    const like = await demoUser(client, "sam.patel@northshire.example");
    const created = await createPractitioners(client, like, writers, "Write Bench Practitioner");
    const byUser = await createDrafts(client, created, perWriter);
    const items: Array<{ user: SignedInUser; draftId: string }> = [];
    const lists = created.map((user) => byUser.get(user.id)!);
    for (let i = 0; i < lists[0]!.length; i += 1)
      for (const [u, list] of lists.entries())
        items.push({ user: asActor(created[u]!, "Northshire Council Children's Services"), draftId: list[i]! });
    return items;
  });
  const rows: RecordVsRawRow[] = [];
  let offset = 0;
  const runUseCase = async (concurrency: number, root?: string) => {
    const result = await runChild<RecordResult>(
      "record-worker.ts",
      {
        mode: "use-case",
        databaseUrl: writeAppUrl,
        concurrency,
        warmupMs,
        durationMs: options.seconds * 1000,
        postmasterPid,
        work: work.slice(offset),
      } satisfies RecordSpec,
      ["--conditions=react-server", ...(options.useCaseNodeArgs ?? [])],
      root,
    );
    offset += result.recorded + result.failed + concurrency * 200;
    return result;
  };
  for (let round = 1; round <= rounds; round += 1) {
    for (const c of options.concurrencies) {
      log(`record: use case${options.beforeRoot ? " (before and after)" : ""} and raw INSERTs at ${c}`);
      const before = options.beforeRoot ? await runUseCase(c, options.beforeRoot) : null;
      const useCase = await runUseCase(c);
      const templates = await withClient(writeUrl, async (client) => {
        const decision = await client.query<{ row: Record<string, unknown> }>(
          "SELECT row_to_json(d) AS row FROM decision d ORDER BY recorded_at DESC LIMIT 1",
        );
        const audit = await client.query<{ row: Record<string, unknown> }>(
          "SELECT row_to_json(e) AS row FROM audit_event e WHERE action = 'decision.record' ORDER BY id DESC LIMIT 1",
        );
        return { decisionRow: decision.rows[0]!.row, auditRow: audit.rows[0]!.row };
      });
      const raw = await runChild<RecordResult>("record-worker.ts", {
        mode: "raw",
        databaseUrl: writeAppUrl,
        concurrency: c,
        warmupMs,
        durationMs: options.seconds * 1000,
        postmasterPid,
        ...templates,
      } satisfies RecordSpec);
      rows.push({
        concurrency: c,
        useCase,
        raw,
        throughputVsRaw: ratio(useCase.perSecond, raw.perSecond),
        ...(before ? { before: { useCase: before, throughputVsRaw: ratio(before.perSecond, raw.perSecond) } } : {}),
      });
    }
  }
  return rows;
}
