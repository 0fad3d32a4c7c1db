// What one recording sends to PostgreSQL, statement by statement (issue 15):
//   npx tsx --conditions=react-server bench/tools/record-statements.ts [--decisions 200]
// A throwaway embedded PostgreSQL (migrated, demo seed, app role); one practitioner records
// finished drafts one after another through the use case (recordDecision). Lists every statement
// sent by the first two recordings: the app's queries, through Prisma or plain `pg`, all go through
// pg's Client.query (transaction BEGIN and COMMIT included), so each call is one round trip. Then,
// over all of them, the time PostgreSQL spent in each database function per recording
// (track_functions = all: pg_stat_user_functions, total and self), to see where its share goes.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { enableAppRoleLogin } from "../../scripts/lib/app-role";
import { createDatabase, withDatabaseName } from "../../scripts/lib/database";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { seedDemoData } from "../../scripts/lib/seed";
import { createDrafts, createPractitioners, demoUser } from "../../scripts/lib/harness/fixtures";
import { withClient } from "../../scripts/lib/harness/database";
import { asActor } from "../lib/children";

const { values: args } = parseArgs({ options: { decisions: { type: "string", default: "200" } } });
const decisions = Number(args.decisions);

const postgres = await startPostgres({ persistent: false, database: "infoshare" });
try {
  const ownerUrl = await createDatabase(withDatabaseName(postgres.url, "postgres"), "infoshare_record_statements");
  await applyMigrations(ownerUrl);
  await seedDemoData(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl);
  await withClient(ownerUrl, (client) =>
    client.query("ALTER DATABASE infoshare_record_statements SET track_functions = 'all'"),
  );
  const work = await withClient(ownerUrl, async (client) => {
    const like = await demoUser(client, "sam.patel@northshire.example");
    const [user] = await createPractitioners(client, like, 1, "Statement Count Practitioner");
    const drafts = (await createDrafts(client, [user!], decisions)).get(user!.id)!;
    return drafts.map((draftId) => ({ user: asActor(user!, "Northshire Council Children's Services"), draftId }));
  });

  process.env.DATABASE_URL = appUrl;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...params: unknown[]) {
    const first = params[0] as string | { text?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "(no text)");
    sent.push(text.replace(/\s+/g, " ").trim());
    return (query as (...p: unknown[]) => unknown).apply(this, params);
  } as typeof pg.Client.prototype.query;

  const { recordDecision } = await import("@/server/decisions/record-decision");
  const { db } = await import("@/server/infra/db");
  // The first recording also opens the connection: its set-up is not a recording's cost.
  const counts: number[] = [];
  for (const [n, item] of work.entries()) {
    sent.length = 0;
    const result = await recordDecision(item.user, item.draftId, { requestId: randomUUID(), ip: "127.0.0.1" });
    if (!result.ok) throw new Error(`not recorded: ${JSON.stringify(result)}`);
    if (n < 2) {
      console.log(`recording ${n + 1}: ${sent.length} statement(s) sent`);
      for (const text of sent) console.log(`  ${text.slice(0, 110)}`);
    }
    if (n > 0) counts.push(sent.length);
  }
  // A backend sends its function statistics as it exits.
  await db().$disconnect();
  console.log(`statements per recording (after the first): min ${Math.min(...counts)}, max ${Math.max(...counts)}`);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const functions = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ funcname: string; calls: string; total: number; self: number }>(
      `SELECT funcname, calls, total_time AS total, self_time AS self
         FROM pg_stat_user_functions ORDER BY total_time DESC`,
    );
    return rows;
  });
  console.log("database functions, per recording: calls, total ms, self ms");
  for (const f of functions)
    console.log(
      `  ${f.funcname.padEnd(34)} ${(Number(f.calls) / work.length).toFixed(2)} ` +
        `${(f.total / work.length).toFixed(3)} ${(f.self / work.length).toFixed(3)}`,
    );
} finally {
  await postgres.stop();
}
