// The bench's printed table and the results section of bench/README.md, from latest.json's shape.
// `npx tsx bench/lib/report.ts` rewrites the README section from bench/results/latest.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Budget {
  name: string;
  limit: string;
  actual: string;
  /** The figure the budget is measured against, from the same run. */
  baseline?: string;
  holds: boolean;
}

interface Side {
  p50: number;
  p95: number;
  rps: number;
  serverCpuMsPerRequest: number | null;
}

interface AgainstFloor {
  p95VsFloor: number | null;
  rpsVsFloor: number | null;
  /** Absent in results written before issue 15's budgets. */
  cpuVsFloor?: number | null;
}

export interface BenchJson {
  generatedAt: string;
  totalSeconds: number;
  loadAverageAtPhaseStart: Record<string, number>;
  wizard: {
    rows: Array<{
      users: number;
      floor: Side;
      /** A signed-in page with no form; absent in results written before round 10. */
      plainPage?: Side & AgainstFloor;
      get: Side & AgainstFloor & { cpuVsPlainPage?: number | null };
      post: Side & AgainstFloor;
    }>;
  };
  recordDecision: {
    concurrency: number;
    rows: Array<{
      concurrency: number;
      useCase: { perSecond: number; p95: number };
      rawInserts: { perSecond: number; p95: number };
      throughputVsRaw: number | null;
    }>;
    http: { perSecond: number; p95: number; throughputVsRaw: number | null };
  };
  lists: {
    floor: { p95: number; serverCpuMsPerRequest?: number | null };
    pages: Array<{
      name: string;
      p50: number;
      p95: number;
      p95VsFloor: number | null;
      serverCpuMsPerRequest?: number | null;
      cpuVsFloor?: number | null;
    }>;
  };
  csvExport: {
    rows: number;
    rowsPerSecond: number;
    rssGrowthMB: number;
    baseline: { rowsPerSecond: number };
    throughputVsCopy: number | null;
  };
  auditVerify: {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    baseline: { eventsPerSecond: number };
    throughputVsSha256Loop: number | null;
  };
  requestTimers: {
    timers: number;
    seconds: number;
    perSecond: number;
    cpuMsPerTimer: number | null;
    databaseCpuMsPerTimer: number;
  };
  firstLoadJs: { wizard: { gzipKB: number }; minimalPage: { gzipKB: number }; ratio: number | null };
  budgets: Budget[];
}

/** Prints the table and the budgets; returns the table's rows (header first). */
export function printTable(result: BenchJson): string[][] {
  const rows: string[][] = [["Figure", "Measured", "Baseline", "Ratio"]];
  const cpu = (ms: number | null) => (ms === null ? "" : `, ${ms} ms CPU`);
  const ratios = (side: AgainstFloor) =>
    `p95 ${side.p95VsFloor}x, req/s ${side.rpsVsFloor}` + (side.cpuVsFloor == null ? "" : `, CPU ${side.cpuVsFloor}x`);
  const measured = (side: Side) => `${side.p50} / ${side.p95} ms / ${side.rps}${cpu(side.serverCpuMsPerRequest)}`;
  for (const row of result.wizard.rows) {
    const floor = measured(row.floor);
    if (row.plainPage)
      rows.push([
        `Signed-in page without a form (/accessibility), ${row.users} users: p50 / p95 / req/s`,
        measured(row.plainPage),
        floor,
        ratios(row.plainPage),
      ]);
    rows.push([
      `Wizard GET, ${row.users} users: p50 / p95 / req/s`,
      measured(row.get),
      floor,
      ratios(row.get) +
        (row.get.cpuVsPlainPage == null ? "" : `; CPU ${row.get.cpuVsPlainPage}x the page without a form`),
    ]);
    rows.push([`Wizard POST, ${row.users} users: p50 / p95 / req/s`, measured(row.post), floor, ratios(row.post)]);
  }
  const record = result.recordDecision;
  for (const row of record.rows)
    rows.push([
      `Record decision (use case), ${row.concurrency} at once: /s, p95`,
      `${row.useCase.perSecond}/s, ${row.useCase.p95} ms`,
      `raw INSERTs ${row.rawInserts.perSecond}/s, ${row.rawInserts.p95} ms`,
      `${row.throughputVsRaw}`,
    ]);
  rows.push([
    `Record decision over HTTP, ${record.concurrency} at once`,
    `${record.http.perSecond}/s, ${record.http.p95} ms`,
    "raw INSERTs (above)",
    `${record.http.throughputVsRaw}`,
  ]);
  for (const page of result.lists.pages)
    rows.push([
      `${page.name}: p50 / p95`,
      `${page.p50} / ${page.p95} ms${cpu(page.serverCpuMsPerRequest ?? null)}`,
      `bare route p95 ${result.lists.floor.p95} ms${cpu(result.lists.floor.serverCpuMsPerRequest ?? null)}`,
      `${page.p95VsFloor}x` + (page.cpuVsFloor == null ? "" : `, CPU ${page.cpuVsFloor}x`),
    ]);
  const exported = result.csvExport;
  rows.push([
    `CSV export ${exported.rows.toLocaleString("en-GB")} rows: rows/s, RSS growth`,
    `${exported.rowsPerSecond}/s, +${exported.rssGrowthMB} MB`,
    `COPY ${exported.baseline.rowsPerSecond}/s`,
    `${exported.throughputVsCopy}`,
  ]);
  const verify = result.auditVerify;
  rows.push([
    `audit:verify ${verify.events.toLocaleString("en-GB")} events: s, events/s`,
    `${verify.seconds} s, ${verify.eventsPerSecond}/s`,
    `SHA-256 loop ${verify.baseline.eventsPerSecond}/s`,
    `${verify.throughputVsSha256Loop}`,
  ]);
  const timers = result.requestTimers;
  rows.push([
    `Request timers, ${timers.timers.toLocaleString("en-GB")} due at once: s, timers/s`,
    `${timers.seconds} s, ${timers.perSecond}/s, ` +
      `${timers.cpuMsPerTimer} ms CPU + ${timers.databaseCpuMsPerTimer} ms database`,
    "target 60 s",
    `${Math.round((timers.seconds / 60) * 100) / 100}`,
  ]);
  const js = result.firstLoadJs;
  rows.push([
    "Wizard first-load JS (gzip)",
    `${js.wizard.gzipKB} KB`,
    `page without a form ${js.minimalPage.gzipKB} KB`,
    `${js.ratio}`,
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  }
  console.log("\nBudgets:");
  for (const budget of result.budgets)
    console.log(
      `  ${budget.holds ? "HOLDS" : "FAILS"}  ${budget.name}: ${budget.actual}` +
        `${budget.baseline ? ` against ${budget.baseline}` : ""} (budget ${budget.limit})`,
    );
  return rows;
}

/** Puts the table and budgets into bench/README.md, between its results markers. */
export function updateReadme(result: BenchJson, table: string[][]): void {
  const file = join(ROOT, "bench", "README.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("<!-- results:start");
  const end = text.indexOf("<!-- results:end -->");
  if (start === -1 || end === -1) return;
  const cell = (value: string) => value.replaceAll("|", "\\|");
  const budgets = result.budgets;
  const markdown = [
    text.slice(start, text.indexOf("-->", start) + 3),
    "",
    `Run of ${result.generatedAt.slice(0, 16).replace("T", " ")} UTC, ` +
      `${Math.round(result.totalSeconds / 60)} minutes. ` +
      "Load average at the start of each phase: " +
      Object.entries(result.loadAverageAtPhaseStart)
        .map(([phase, load]) => `${phase} ${load}`)
        .join(", ") +
      '. "ms CPU" is the server\'s own CPU time per request.',
    "",
    `| ${table[0]!.join(" | ")} |`,
    `| ${table[0]!.map(() => "---").join(" | ")} |`,
    ...table.slice(1).map((row) => `| ${row.map(cell).join(" | ")} |`),
    "",
    `**Budgets: ${budgets.filter((b) => b.holds).length} of ${budgets.length} hold.**`,
    "",
    "| Budget | Limit | Measured | Baseline | Holds |",
    "| --- | --- | --- | --- | --- |",
    ...budgets.map((b) => {
      const holds = b.holds ? "yes" : "**no**";
      return `| ${cell(b.name)} | ${b.limit} | ${cell(b.actual)} | ${cell(b.baseline ?? "")} | ${holds} |`;
    }),
    "",
  ].join("\n");
  writeFileSync(file, text.slice(0, start) + markdown + text.slice(end));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = JSON.parse(readFileSync(join(ROOT, "bench", "results", "latest.json"), "utf8")) as BenchJson;
  updateReadme(result, printTable(result));
}
