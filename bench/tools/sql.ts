// Runs SQL (from argv or stdin) against the bench database kept by `npm run bench -- --keep`:
//   npx tsx bench/tools/sql.ts "EXPLAIN (ANALYZE, BUFFERS) SELECT …"
// Starts PostgreSQL on .data/bench-postgres for the duration, as its owner.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { REPO_ROOT } from "../../scripts/lib/migrations";

const sql = process.argv[2] ?? readFileSync(0, "utf8");
const running = await startPostgres({
  persistent: true,
  dataDir: join(REPO_ROOT, ".data", "bench-postgres"),
  database: "infoshare",
});
const client = new pg.Client({ connectionString: running.url });
await client.connect();
try {
  for (const statement of sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const started = performance.now();
    const result = await client.query(statement);
    const rows = Array.isArray(result) ? result.at(-1)!.rows : result.rows;
    console.log(`-- ${statement.slice(0, 100).replace(/\s+/g, " ")} (${(performance.now() - started).toFixed(1)} ms)`);
    for (const row of rows.slice(0, 60)) console.log(Object.values(row as object).join(" | "));
  }
} finally {
  await client.end();
  await running.stop();
}
