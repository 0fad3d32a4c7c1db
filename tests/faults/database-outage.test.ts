// Fault: PostgreSQL stops for 10 seconds while practitioners are using the wizard, then starts
// again. The app server must keep running; every request during the outage must get a quick,
// clear answer (503 "Sorry, the service is unavailable … your answers are saved", or the app's own
// error page for a request caught mid-query) — never a hang, never a stack trace; and within 5
// seconds of the database being back it must serve normally again, without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VALID } from "@/domain/wizard/test-fixtures";
import { ANSWERS_SAVED_TEXT, SERVICE_UNAVAILABLE_TITLE } from "@/server/infra/service-unavailable";
import { type HarnessUser, createDrafts, createPractitioners, demoUser } from "../../scripts/lib/harness/fixtures";
import { formWithField, multipart, withBoundValue } from "../../scripts/lib/harness/forms";
import { sessionCookie } from "../../scripts/lib/harness/session";
import { type HttpOutcome, SECRET, type Stack, leaksInternals, openStack, send, withOwner } from "./support";

const WORKERS = 8;
const OUTAGE_MS = 10_000;
/** A request is a hang if it takes longer than this. */
const HANG_MS = 5_000;
const RECOVERY_MS = 5_000;

type Kind = "step page" | "save answer" | "your decisions" | "health";
interface Sample extends HttpOutcome {
  kind: Kind;
}

let stack: Stack;
let users: HarnessUser[];
const drafts = new Map<string, string>();
const samples: Sample[] = [];
const timeline = { stopRequested: 0, stopped: 0, startRequested: 0, started: 0 };
let serverPid = 0;

function expected(kind: Kind): number {
  return kind === "save answer" ? 303 : 200;
}

beforeAll(async () => {
  stack = await openStack("outage", 3440);
  serverPid = stack.server.pid;
  await withOwner(stack, async (client) => {
    const sam = await demoUser(client, "sam.patel@northshire.example");
    users = await createPractitioners(client, sam, WORKERS, "Outage Practitioner");
    const byUser = await createDrafts(client, users, 1, {
      urgency: VALID.urgency,
      request: VALID.request,
      identifiable: VALID.identifiable,
    });
    for (const user of users) drafts.set(user.id, byUser.get(user.id)![0]!);
  });
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

describe("PostgreSQL stopped for 10 seconds under load", () => {
  it("answers every request quickly and clearly, and recovers on its own", async () => {
    const origin = stack.server.origin;
    const cookies = await Promise.all(users.map((u) => sessionCookie(u, SECRET)));
    const first = drafts.get(users[0]!.id)!;
    const page = await send(`${origin}/decisions/drafts/${first}/concern`, { cookie: cookies[0]! });
    expect(page.status).toBe(200);
    const hidden = formWithField(page.body, "$ACTION_KEY").fields;
    const answer: [string, string][] = [
      ["concernCategories", "child-health-or-development"],
      ["personAtRisk", "child"],
      ["caseReference", "CS-2024/0173"],
    ];

    let running = true;
    const worker = async (w: number) => {
      const user = users[w]!;
      const draftId = drafts.get(user.id)!;
      const stepUrl = `${origin}/decisions/drafts/${draftId}/concern`;
      for (let i = 0; running; i += 1) {
        const kind: Kind = (["step page", "save answer", "your decisions", "health"] as const)[(i + w) % 4]!;
        let outcome: HttpOutcome;
        if (kind === "save answer") {
          const { body, contentType } = multipart([...withBoundValue(hidden, first, draftId), ...answer]);
          outcome = await send(stepUrl, { method: "POST", cookie: cookies[w]!, body, contentType, timeoutMs: 15_000 });
        } else {
          const url =
            kind === "step page" ? stepUrl : kind === "your decisions" ? `${origin}/decisions` : `${origin}/api/health`;
          outcome = await send(url, {
            cookie: cookies[w]!,
            timeoutMs: 15_000,
            accept: kind === "health" ? "application/json" : "text/html",
          });
        }
        samples.push({ ...outcome, kind });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));

    await new Promise((resolve) => setTimeout(resolve, 4_000));
    timeline.stopRequested = Date.now();
    await stack.db.stopServer();
    timeline.stopped = Date.now();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (timeline.stopped - timeline.stopRequested)));
    timeline.startRequested = Date.now();
    await stack.db.startServer();
    timeline.started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, RECOVERY_MS + 5_000));
    running = false;
    await Promise.all(workers);

    const at = (t: number) => `${((t - timeline.stopRequested) / 1000).toFixed(1)} s`;
    console.info(
      `database stopped at ${at(timeline.stopped)}, started at ${at(timeline.startRequested)}, ` +
        `accepting at ${at(timeline.started)}; ${samples.length} requests`,
    );

    // The server never went down.
    expect(stack.server.alive()).toBe(true);
    expect(stack.server.pid).toBe(serverPid);

    // Never a hang, never a dropped connection, never internals.
    expect(
      samples.filter((s) => s.ms > HANG_MS).map((s) => `${s.kind} ${Math.round(s.ms)} ms at ${at(s.startedAt)}`),
    ).toEqual([]);
    expect(samples.filter((s) => s.error !== null).map((s) => `${s.kind}: ${s.error}`)).toEqual([]);
    expect(samples.filter((s) => leaksInternals(s.body)).map((s) => `${s.kind} ${s.status}`)).toEqual([]);

    // During the outage: 503 with the "service unavailable, your answers are saved" page (or JSON
    // from the API), or — for a request that was already under way when the database went — the
    // app's own error page. Nothing pretends to have worked.
    const during = samples.filter(
      (s) => s.startedAt >= timeline.stopped && s.startedAt + s.ms <= timeline.startRequested,
    );
    expect(during.length).toBeGreaterThan(20);
    const unclear = during.filter((s) => {
      if (s.kind === "health") return !(s.status === 503 && s.body.includes('"down"'));
      if (s.status === 503) return !(s.body.includes(SERVICE_UNAVAILABLE_TITLE) && s.body.includes(ANSWERS_SAVED_TEXT));
      return !(s.status === 500 && /Sorry, there is a problem with the service/.test(s.body));
    });
    expect(unclear.map((s) => `${s.kind} ${s.status} at ${at(s.startedAt)}: ${s.body.slice(0, 120)}`)).toEqual([]);
    const unavailable = during.filter((s) => s.status === 503 && s.kind !== "health");
    expect(unavailable.length).toBeGreaterThan(during.filter((s) => s.kind !== "health").length / 2);
    // The circuit breaker answers at once rather than each request trying the database.
    expect(Math.max(...unavailable.map((s) => s.ms))).toBeLessThan(1_500);

    // Back to normal within 5 s of the database accepting connections, with no restart.
    const failingAfterStart = samples.filter((s) => s.startedAt >= timeline.started && s.status !== expected(s.kind));
    const recoveredAfterMs = Math.max(0, ...failingAfterStart.map((s) => s.startedAt + s.ms - timeline.started));
    const errorPages = during.filter((s) => s.status === 500).length;
    console.info(
      `during the outage: ${unavailable.length} answered 503 ` +
        `(slowest ${Math.round(Math.max(...unavailable.map((s) => s.ms)))} ms), ${errorPages} error pages; ` +
        `serving normally ${(recoveredAfterMs / 1000).toFixed(1)} s after the database accepted connections`,
    );
    const settled = timeline.started + RECOVERY_MS;
    const after = samples.filter((s) => s.startedAt >= settled);
    expect(after.length).toBeGreaterThan(20);
    expect(
      after.filter((s) => s.status !== expected(s.kind)).map((s) => `${s.kind} ${s.status} at ${at(s.startedAt)}`),
    ).toEqual([]);
  }, 120_000);

  it("lost none of the answers saved before the outage", async () => {
    await withOwner(stack, async (client) => {
      const { rows } = await client.query<{ answers: Record<string, unknown> }>(
        "SELECT answers FROM decision_draft WHERE id = ANY($1::uuid[])",
        [[...drafts.values()]],
      );
      expect(rows).toHaveLength(WORKERS);
      for (const row of rows) {
        expect(row.answers.request).toEqual(VALID.request);
        expect(row.answers.concern).toEqual({
          concernCategories: ["child-health-or-development"],
          personAtRisk: "child",
          caseReference: "CS-2024/0173",
        });
      }
    });
  });
});
