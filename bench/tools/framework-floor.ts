// The framework's own floor, without InfoShare (decision 039): what Next.js itself costs for a page
// against a route handler, and what partial prerendering sends where a page has a dynamic part.
//   npx tsx bench/tools/framework-floor.ts [--seconds 5] [--rounds 3]
// Writes two minimal apps in a temporary folder (no proxy, no session, no database; outside this
// repository, which Turbopack would otherwise take as their root), builds each with this
// repository's Next.js (node_modules linked), starts it, and:
// 1. requests, with 10 closed-loop connections (autocannon, as the bench's wizard figure), a route
//    handler returning a constant, a page with a heading and a paragraph, and a page of about 20 KB
//    of static form markup (ten fieldsets of five radios with Tailwind-length class lists), in turn
//    for --rounds rounds, with gzip as a browser asks; prints the server's CPU per request (from
//    /proc) and each page against the route handler;
// 2. builds a page with Cache Components (a static heading and a <Suspense> whose child reads
//    cookies()) and prints where the dynamic part's text is in the HTML: Next serves the prerendered
//    shell with the fallback, and the content follows in a `hidden` element that an inline script
//    moves into place, so a browser without JavaScript shows the fallback only.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { cpuSeconds } from "../../scripts/lib/harness/server";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { median } from "../lib/stats";

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "5" }, rounds: { type: "string", default: "3" } },
});
const log = (message: string) => console.log(`[framework-floor] ${message}`);
const NEXT = join(REPO_ROOT, "node_modules", ".bin", "next");
const ROOT = mkdtempSync(join(tmpdir(), "framework-floor-"));

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["dom", "esnext"],
    strict: true,
    noEmit: true,
    module: "esnext",
    moduleResolution: "bundler",
    jsx: "react-jsx",
    isolatedModules: true,
    skipLibCheck: true,
  },
  include: ["**/*.ts", "**/*.tsx"],
};

const FIELDSET_CLASS = "mt-4 flex flex-col gap-2 rounded-lg border border-gray-200 bg-white p-4 shadow-sm";
const LABEL_CLASS = "inline-flex items-center gap-2 text-sm font-medium text-gray-700 hover:text-gray-900";
const INPUT_CLASS = "h-4 w-4 border-gray-300 text-indigo-600 focus:ring-2 focus:ring-indigo-500 focus:ring-offset-2";

const APPS: Record<string, Record<string, string>> = {
  pages: {
    "next.config.ts": `export default { turbopack: { root: "/" } };\n`,
    "app/layout.tsx": `export const dynamic = "force-dynamic";
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}\n`,
    "app/api/floor/route.ts": `export const dynamic = "force-dynamic";
export function GET() { return Response.json({ ok: true }); }\n`,
    "app/minimal/page.tsx": `export default function Page() {
  return <main><h1>A page</h1><p>A paragraph of text.</p></main>;
}\n`,
    "app/form/page.tsx": `const OPTIONS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];
export default function Page() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight text-gray-900">A form</h1>
      <form method="post" action="/api/floor" className="space-y-6">
        {Array.from({ length: 10 }, (_, i) => (
          <fieldset key={i} className=${JSON.stringify(FIELDSET_CLASS)}>
            <legend className="text-lg font-semibold leading-6 text-gray-900">Question {i + 1}</legend>
            <p className="text-sm leading-6 text-gray-500">
              How strongly do you agree with statement {i + 1} about the quality, reliability and speed of the service?
            </p>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
              {OPTIONS.map((option, j) => (
                <label key={j} className=${JSON.stringify(LABEL_CLASS)}>
                  <input type="radio" name={"q" + i} value={String(j)} className=${JSON.stringify(INPUT_CLASS)} />
                  <span>{option}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button type="submit">Submit</button>
      </form>
    </main>
  );
}\n`,
  },
  partial: {
    "next.config.ts": `export default { turbopack: { root: "/" }, cacheComponents: true };\n`,
    "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}\n`,
    "app/page.tsx": `import { Suspense } from "react";
import { cookies } from "next/headers";
async function Personal() {
  await cookies();
  return <p id="personal">The personal part</p>;
}
export default function Page() {
  return <main><h1>The static shell</h1><Suspense fallback={<p>Loading</p>}><Personal /></Suspense></main>;
}\n`,
  },
};

function writeApp(name: string): string {
  const dir = join(ROOT, name);
  mkdirSync(dir);
  // The node_modules link leaves the app's folder, so Turbopack's root must hold both.
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  for (const [file, text] of Object.entries({ ...APPS[name], "tsconfig.json": JSON.stringify(TSCONFIG) })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function build(dir: string): string {
  const result = spawnSync(NEXT, ["build"], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`next build failed in ${dir}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

async function start(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, stdio: "ignore" });
  for (let i = 0; i < 100; i += 1) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error("next start did not answer");
}

/** The server's CPU per request over `seconds` of 10 closed-loop connections, as the bench's wizard figure. */
async function cpuPerRequest(pid: number, url: string, seconds: number): Promise<number> {
  const processCpu = () => {
    const used = cpuSeconds(pid);
    if (used === null) throw new Error("the Next server has exited");
    return used;
  };
  const before = processCpu();
  const result = await autocannon({ url, connections: 10, duration: seconds, headers: { "accept-encoding": "gzip" } });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return ((processCpu() - before) * 1000) / result.requests.total;
}

// The apps are removed whatever happens.
try {
  const seconds = Number(args.seconds);
  const pagesDir = writeApp("pages");
  log("building the pages app");
  build(pagesDir);
  const pages = await start(pagesDir, 3530);
  try {
    const paths = { "route handler": "/api/floor", "minimal page": "/minimal", "form page (20 KB)": "/form" };
    const cpu = new Map<string, number[]>(Object.keys(paths).map((name) => [name, []]));
    for (const path of Object.values(paths)) await cpuPerRequest(pages.pid!, `http://127.0.0.1:3530${path}`, 2);
    for (let round = 1; round <= Number(args.rounds); round += 1) {
      for (const [name, path] of Object.entries(paths)) {
        cpu.get(name)!.push(await cpuPerRequest(pages.pid!, `http://127.0.0.1:3530${path}`, seconds));
      }
    }
    const floor = median(cpu.get("route handler")!);
    for (const [name, values] of cpu) {
      const cpuMs = median(values);
      log(`${name}: ${cpuMs.toFixed(2)} ms CPU a request, ${(cpuMs / floor).toFixed(2)}x the route handler`);
    }
    const form = await (await fetch("http://127.0.0.1:3530/form")).text();
    const formKB = (Buffer.byteLength(form) / 1024).toFixed(1);
    log(`form page: ${formKB} KB of HTML (the RSC payload inline repeats the markup)`);
  } finally {
    pages.kill();
  }

  const partialDir = writeApp("partial");
  log("building the Cache Components app");
  const output = build(partialDir);
  log(`build marks / as ${/◐ \//.test(output) ? "partially prerendered (◐)" : "not partially prerendered"}`);
  const partial = await start(partialDir, 3531);
  try {
    const html = await (await fetch("http://127.0.0.1:3531/", { headers: { "accept-encoding": "identity" } })).text();
    const hidden = /<div hidden id="S:\d+"><p id="personal">The personal part<\/p><\/div>/.test(html);
    log(`the shell holds the fallback in place: ${html.includes("<p>Loading</p>") ? "yes" : "no"}`);
    log(
      `the personal part is ${hidden ? "in a hidden element, moved into place by a script ($RC)" : "in place"}: ` +
        `without JavaScript a browser ${hidden ? "shows only the fallback" : "shows it"}`,
    );
  } finally {
    partial.kill();
  }
} finally {
  rmSync(ROOT, { recursive: true, force: true });
}
