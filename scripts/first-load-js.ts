// First-load JavaScript per route, gzip, from a production build (issue 15): what a browser
// downloads to show the page, i.e. Next's root files (framework, router, runtime: every page) plus
// the client chunks of the route's layout, boundaries and page, from the build's client-reference
// manifests. The polyfill file is left out (only browsers without modules load it).
//   npx tsx scripts/first-load-js.ts [--dist .next] [--route /decisions/drafts/[draftId]/[step]] [--all]
// --route prints that route's chunks one by one (shared by how many routes, gzip size, and the
// first source paths a chunk names); --all prints every route rather than only the summary's.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: process.env.NEXT_DIST_DIR ?? ".next" },
    route: { type: "string" },
    all: { type: "boolean", default: false },
  },
});
const dist = args.dist;
if (!existsSync(join(dist, "build-manifest.json"))) throw new Error(`No production build in ${dist}: npx next build`);

const buildManifest = JSON.parse(readFileSync(join(dist, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifests(path);
    return name === "page_client-reference-manifest.js" ? [path] : [];
  });
}

/** Route → the JS files its page's client-reference manifest lists for its segments. */
const routes = new Map<string, string[]>();
for (const file of manifests(join(dist, "server", "app"))) {
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const all = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
  for (const [page, manifest] of Object.entries(all)) {
    const route = page.replace(/\/page$/, "") || "/";
    routes.set(route, [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())]);
  }
}

const gzipSizes = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dist, file))).length;
    gzipSizes.set(file, size);
  }
  return size;
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const firstLoad = (route: string) => [...new Set([...buildManifest.rootMainFiles, ...(routes.get(route) ?? [])])];
const total = (files: string[]) => files.reduce((sum, file) => sum + gzipBytes(file), 0);

const root = total(buildManifest.rootMainFiles);
console.log(`Root files (every page: React, Next's router and runtime): ${kb(root)} KB gzip`);
const summary = [
  "/decisions/drafts/[draftId]/[step]",
  "/decisions/drafts/[draftId]/check-answers",
  "/accessibility",
  "/notifications",
  "/dashboard",
  "/sign-in",
];
const shown = args.all ? [...routes.keys()].sort() : summary.filter((route) => routes.has(route));
for (const route of shown) {
  const files = firstLoad(route);
  console.log(
    `${kb(total(files)).padStart(7)} KB gzip  ${route}  (${kb(total(files) - root)} KB beyond the root files)`,
  );
}

if (args.route) {
  const files = firstLoad(args.route);
  if (!routes.has(args.route)) throw new Error(`No route ${args.route}; --all lists them`);
  console.log(`\n${args.route}: ${files.length} files`);
  for (const file of files.sort((a, b) => gzipBytes(b) - gzipBytes(a))) {
    const sharedBy = [...routes.values()].filter((list) => list.includes(file)).length;
    const kind = buildManifest.rootMainFiles.includes(file) ? "root" : `in ${sharedBy} route(s)`;
    const text = readFileSync(join(dist, file), "utf8");
    // Turbopack keeps a few source paths in production chunks (module names in error messages).
    const paths = [...new Set([...text.matchAll(/\[project\]\/([\w./@[\]-]+)/g)].map((m) => m[1]!))].slice(0, 6);
    console.log(`${kb(gzipBytes(file)).padStart(7)} KB  ${relative(".", file)}  ${kind}  ${paths.join(" ")}`);
  }
}
