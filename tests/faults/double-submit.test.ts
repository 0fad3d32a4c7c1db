// Fault: the same decision submitted twice — from two tabs at once, by a form post replayed
// afterwards (back button, a retry after a dropped connection), or many times at once. Exactly one
// decision is recorded, and every submission is shown that one decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HarnessUser, createDrafts, createPractitioners, demoUser } from "../../scripts/lib/harness/fixtures";
import { formWithField, multipart } from "../../scripts/lib/harness/forms";
import { sessionCookie } from "../../scripts/lib/harness/session";
import { SECRET, type Stack, openStack, send, withOwner } from "./support";

const CONFIRMATION = /^\/decisions\/(DEC-[0-9A-Z]{4}-[0-9A-Z]{4})\/confirmation$/;

let stack: Stack;
let user: HarnessUser;
let cookie: string;
let drafts: string[];

beforeAll(async () => {
  stack = await openStack("double", 3460);
  await withOwner(stack, async (client) => {
    const sam = await demoUser(client, "sam.patel@northshire.example");
    user = (await createPractitioners(client, sam, 1, "Double Submit Practitioner"))[0]!;
    drafts = (await createDrafts(client, [user], 3)).get(user.id)!;
  });
  cookie = await sessionCookie(user, SECRET);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

/** The record form of a draft's check-answers page, as a tab has it. */
async function recordForm(draftId: string) {
  const page = await send(`${stack.server.origin}/decisions/drafts/${draftId}/check-answers`, { cookie });
  expect(page.status).toBe(200);
  return multipart(formWithField(page.body, "$ACTION_KEY").fields);
}

function post(draftId: string, form: { body: Uint8Array; contentType: string }) {
  return send(`${stack.server.origin}/decisions/drafts/${draftId}/check-answers`, {
    method: "POST",
    cookie,
    ...form,
    timeoutMs: 30_000,
  });
}

async function decisionsFrom(draftId: string) {
  return withOwner(stack, async (client) => {
    const decisions = await client.query<{ reference: string }>("SELECT reference FROM decision WHERE draft_id = $1", [
      draftId,
    ]);
    const events = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_event WHERE action = 'decision.record' AND object_id = ANY($1::text[])",
      [decisions.rows.map((r) => r.reference)],
    );
    return { references: decisions.rows.map((r) => r.reference), recordEvents: Number(events.rows[0]!.n) };
  });
}

describe("double submission of a decision", () => {
  it("two tabs submitting at the same moment record one decision, and both show it", async () => {
    const draftId = drafts[0]!;
    const [tabA, tabB] = await Promise.all([recordForm(draftId), recordForm(draftId)]);
    const [a, b] = await Promise.all([post(draftId, tabA), post(draftId, tabB)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const referenceA = CONFIRMATION.exec(a.location ?? "")?.[1];
    expect(referenceA).toBeDefined();
    expect(CONFIRMATION.exec(b.location ?? "")?.[1]).toBe(referenceA);
    expect(await decisionsFrom(draftId)).toEqual({ references: [referenceA], recordEvents: 1 });
  });

  it("a form post replayed after it succeeded records nothing more and shows the same decision", async () => {
    const draftId = drafts[1]!;
    const form = await recordForm(draftId);
    const first = await post(draftId, form);
    expect(first.status).toBe(303);
    for (let i = 0; i < 3; i += 1) {
      const replay = await post(draftId, form);
      expect(replay.status).toBe(303);
      expect(replay.location).toBe(first.location);
    }
    expect((await decisionsFrom(draftId)).references).toHaveLength(1);
  });

  it("twenty identical submissions at once still record exactly one decision", async () => {
    const draftId = drafts[2]!;
    const form = await recordForm(draftId);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => post(draftId, form)));
    expect(outcomes.map((o) => o.status)).toEqual(Array(20).fill(303));
    expect(new Set(outcomes.map((o) => o.location)).size).toBe(1);
    const stored = await decisionsFrom(draftId);
    expect(stored.references).toHaveLength(1);
    expect(stored.recordEvents).toBe(1);
  });
});
