// Profiles the production server under a simple load, for finding where a figure's time goes:
//   npx tsx --conditions=react-server bench/tools/profile-server.ts <get|post|record|floor|plain> [requests]
// (plain: a signed-in page with no form, /accessibility, as the bench's wizard figure has beside it)
// Writes a V8 CPU profile of the server to .data/profiles/ and prints self time by package/file.
// Builds the app into .next-bench first when a source is newer; PROFILE_PORT (3490) sets the port.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { VALID } from "@/domain/wizard/test-fixtures";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { openHarnessDatabase } from "../../scripts/lib/harness/database";
import { createDrafts, demoUser } from "../../scripts/lib/harness/fixtures";
import { formWithField, multipart, withBoundValue } from "../../scripts/lib/harness/forms";
import { ensureProductionBuild, startAppServer } from "../../scripts/lib/harness/server";
import { sessionCookie } from "../../scripts/lib/harness/session";

const kind = process.argv[2] ?? "get";
const requests = Number(process.argv[3] ?? 300);
const dir = join(REPO_ROOT, ".data", "profiles");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
ensureProductionBuild({ log: console.log });
const db = await openHarnessDatabase({ name: "profile" });
const client = new pg.Client({ connectionString: db.ownerUrl });
await client.connect();
const secret = "profile-secret-profile-secret-profile-secret";
const server = await startAppServer({
  port: Number(process.env.PROFILE_PORT ?? 3490),
  databaseUrl: db.appUrl,
  secret,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
try {
  const sam = await demoUser(client, "sam.patel@northshire.example");
  const cookie = await sessionCookie(sam, secret);
  const partial = (await createDrafts(client, [sam], 1, { urgency: VALID.urgency, request: VALID.request })).get(
    sam.id,
  )![0]!;
  const complete = (await createDrafts(client, [sam], requests + 5)).get(sam.id)!;
  const stepUrl = `${server.origin}/decisions/drafts/${partial}/concern`;
  const stepForm = formWithField(await (await fetch(stepUrl, { headers: { cookie } })).text(), "$ACTION_KEY").fields;
  const recordForm = formWithField(
    await (
      await fetch(`${server.origin}/decisions/drafts/${complete[0]}/check-answers`, { headers: { cookie } })
    ).text(),
    "$ACTION_KEY",
  ).fields;
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) {
    let response: Response;
    if (kind === "get") response = await fetch(stepUrl, { headers: { cookie } });
    else if (kind === "floor") response = await fetch(`${server.origin}/api/bench/floor`, { headers: { cookie } });
    else if (kind === "plain") response = await fetch(`${server.origin}/accessibility`, { headers: { cookie } });
    else if (kind === "post") {
      const { body, contentType } = multipart([
        ...stepForm,
        ["concernCategories", "child-health-or-development"],
        ["personAtRisk", "child"],
        ["caseReference", "CS-2024/0173"],
      ]);
      response = await fetch(stepUrl, {
        method: "POST",
        body,
        headers: { cookie, "content-type": contentType, origin: server.origin },
        redirect: "manual",
      });
    } else {
      const draft = complete[i + 1]!;
      const { body, contentType } = multipart(withBoundValue(recordForm, complete[0]!, draft));
      response = await fetch(`${server.origin}/decisions/drafts/${draft}/check-answers`, {
        method: "POST",
        body,
        headers: { cookie, "content-type": contentType, origin: server.origin },
        redirect: "manual",
      });
    }
    await response.arrayBuffer();
  }
  console.log(`${requests} ${kind} requests, ${((performance.now() - started) / requests).toFixed(1)} ms each`);
} finally {
  await server.stop();
  await client.end();
  await db.destroy();
}
const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
if (file) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  for (const id of profile.samples) {
    const url = byId.get(id)?.callFrame.url ?? "";
    const group = url.includes("node_modules/")
      ? url
          .split("node_modules/")
          .at(-1)!
          .split("/")
          .slice(0, url.includes("node_modules/@") ? 2 : 1)
          .join("/")
      : url.includes(".next-bench/")
        ? `app:${url.split("/").at(-1)}`
        : url || byId.get(id)?.callFrame.functionName || "?";
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const total = profile.samples.length;
  for (const [group, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${((n / total) * 100).toFixed(1).padStart(5)}%  ${group}`);
  console.log(`profile: ${join(dir, file)}`);
}
