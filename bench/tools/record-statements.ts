// What one recording sends to PostgreSQL, statement by statement (issue 15):
//   npx tsx --conditions=react-server bench/tools/record-statements.ts [--decisions 3]
// A throwaway embedded PostgreSQL (migrated, demo seed, app role); one practitioner records
// finished drafts one after another through the use case (recordDecision), and every statement
// sent is listed per recording. The app's queries, through Prisma or plain `pg`, all go through
// pg's Client.query (transaction BEGIN and COMMIT included), so each call is one round trip.
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

const { values: args } = parseArgs({ options: { decisions: { type: "string", default: "3" } } });
const decisions = Number(args.decisions);

const postgres = await startPostgres({ persistent: false, database: "infoshare" });
try {
  const ownerUrl = await createDatabase(withDatabaseName(postgres.url, "postgres"), "infoshare_record_statements");
  await applyMigrations(ownerUrl);
  await seedDemoData(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl);
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
    console.log(`recording ${n + 1}: ${sent.length} statement(s) sent`);
    for (const text of sent) console.log(`  ${text.slice(0, 110)}`);
    if (n > 0) counts.push(sent.length);
  }
  await db().$disconnect();
  console.log(`statements per recording (after the first): ${counts.join(", ")}`);
} finally {
  await postgres.stop();
}
