// Every refused action writes exactly one `access.denied` event (decision 010): refused by the
// pipeline's permission check, by a use case's record-scoped check, or a lookup of another
// organisation's record answered "not found". The actions and route handlers run as the app runs
// them, through the pipeline; only the session and the request headers are what the test says.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { INITIAL_FORM_STATE } from "@/domain/errors";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import type { SessionState } from "@/server/auth/current-actor";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { db } from "@/server/infra/db";
import { startDraftAction, saveStepAction, recordDecisionAction } from "@/app/decisions/actions";
import { escalateAction, replyAction, resolveEscalationAction, reviewDecisionAction } from "@/app/review/actions";
import { disposeDecisionAction, extendRetentionAction } from "@/app/retention/actions";
import { updateSettingsAction } from "@/app/settings/actions";
import { setUserAccessAction } from "@/app/admin/users/actions";
import { verifyIntegrityAction } from "@/app/audit/actions";
import { GET as getDecisionJson } from "@/app/api/decisions/[reference]/route";
import { GET as getAuditEventsRoute } from "@/app/api/exports/audit-events/route";
import { GET as getSubjectAccessRoute } from "@/app/api/exports/subject-access/route";
import { TEST_META, actorFor, newDraft, recordThroughWizard } from "./support";
import { SAM, JO, ALEX, PRIYA, RUTH, DAN, TOM, RIVERSIDE_ADMIN } from "./demo-people";

const session = vi.hoisted(() => ({ current: { status: "signed-out" } as SessionState }));
vi.mock("@/server/auth/current-actor", () => ({ currentSession: async () => session.current }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "refusal-test", "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// forbidden() is an opt-in of Next's (next.config.ts sets it for the app).
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";

let reference = "";
let escalationId = "";

beforeAll(async () => {
  reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "REF-0001");
  // Raised by Alex, so Alex may not resolve it: resolving needs distance from the dispute.
  const reason = { reason: "The police want more than was shared." };
  const raised = await raiseEscalation(await actorFor(ALEX), reference, reason, TEST_META);
  if (!raised.ok) throw new Error(JSON.stringify(raised.errors));
  escalationId = raised.escalationId;
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** The page Next renders for a refusal: forbidden() and notFound() throw errors with this digest. */
const refusedWith = (status: 403 | 404) => expect.objectContaining({ digest: `NEXT_HTTP_ERROR_FALLBACK;${status}` });

/** Runs the attempt as the user and returns the access.denied events it wrote. */
async function deniedEventsOf(email: string, attempt: () => Promise<unknown>) {
  const user = await actorFor(email);
  session.current = { status: "signed-in", user, unreadNotifications: 0 };
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  await attempt();
  const since = last?.id ?? BigInt(0);
  return db().auditEvent.findMany({ where: { actorId: user.userId, action: "access.denied", id: { gt: since } } });
}

/** The attempt must be refused with the status's page and leave exactly one access.denied event. */
async function expectOneRefusal(email: string, status: 403 | 404, attempt: () => Promise<unknown>, attempted: string) {
  const events = await deniedEventsOf(email, async () => {
    await expect(attempt()).rejects.toEqual(refusedWith(status));
  });
  expect(events, `${attempted} by ${email}`).toHaveLength(1);
  const detail = expect.objectContaining({ attempted });
  expect(events[0]).toMatchObject({ outcome: "DENIED", requestId: "refusal-test", detail });
  return events[0]!;
}

async function expectRouteRefusal(email: string, status: 403 | 404, call: () => Promise<Response>, attempted: string) {
  const events = await deniedEventsOf(email, async () => expect((await call()).status).toBe(status));
  expect(events, `${attempted} by ${email}`).toHaveLength(1);
  expect(events[0]).toMatchObject({ outcome: "DENIED", detail: expect.objectContaining({ attempted }) });
}

const NO_DRAFT = "00000000-0000-4000-8000-000000000000";
const state = INITIAL_FORM_STATE;
const note = () => form({ kind: "NOTE", comment: "A note." });
const resolve = (resolution: string) => resolveEscalationAction(state, form({ escalationId, resolution }));
const reconsider = () => startDraftAction(form({ kind: "RECONSIDERATION", supersedesReference: reference }));
const COURT_CASE = "Court proceedings are still under way.";
const extend = () => extendRetentionAction(state, form({ reference, retainUntil: "2099-01-01", reason: COURT_CASE }));

describe("refused by the pipeline's permission check: one access.denied each", () => {
  it.each([
    ["decision.record", PRIYA, () => startDraftAction(form({ kind: "ORIGINAL" }))],
    ["decision.record", PRIYA, () => saveStepAction(NO_DRAFT, "urgency", false, state, form({}))],
    ["decision.record", PRIYA, () => recordDecisionAction(NO_DRAFT, state, form({}))],
    ["review.queue", SAM, () => reviewDecisionAction(reference, state, note())],
    ["escalation.list", SAM, () => resolve("Resolved here.")],
    ["retention.manage", SAM, () => extendRetentionAction(state, form({ reference }))],
    ["retention.manage", SAM, () => disposeDecisionAction(state, form({ reference, confirm: "yes" }))],
    ["settings.manage", SAM, () => updateSettingsAction(state, form({}))],
    ["users.manage", ALEX, () => setUserAccessAction(state, form({}))],
    ["audit.verify", SAM, () => verifyIntegrityAction(form({}))],
  ] as const)("%s, attempted by %s", async (attempted, email, attempt) => {
    await expectOneRefusal(email, 403, attempt, attempted);
  });

  it("and in the route handlers, answered 403", async () => {
    const url = (path: string) => new Request(`http://localhost${path}`);
    await expectRouteRefusal(SAM, 403, () => getAuditEventsRoute(url("/api/exports/audit-events")), "audit.export");
    const subjectAccess = () => getSubjectAccessRoute(url("/api/exports/subject-access?caseReference=X"));
    await expectRouteRefusal(ALEX, 403, subjectAccess, "subject-access.export");
  });
});

describe("refused by a use case's record-scoped check: one access.denied each", () => {
  it.each([
    ["decision.reply", JO, () => replyAction(reference, state, form({ comment: "Not my decision to reply on." }))],
    ["decision.escalate", JO, () => escalateAction(reference, "record", state, form({ reason: "Not mine." }))],
    ["decision.reconsider", JO, reconsider],
    ["escalation.resolve", ALEX, () => resolve("I raised it.")],
  ] as const)("%s, attempted by %s", async (attempted, email, attempt) => {
    const event = await expectOneRefusal(email, 403, attempt, attempted);
    expect(event.objectId).toBeTruthy();
  });

  it("and viewing a record's JSON, answered 403", async () => {
    const url = new Request(`http://localhost/api/decisions/${reference}`);
    const json = () => getDecisionJson(url, { params: Promise.resolve({ reference }) });
    await expectRouteRefusal(JO, 403, json, "decision.export");
  });
});

describe("another organisation's record, answered 404: still one access.denied each", () => {
  it.each([
    ["decision.review", RUTH, () => reviewDecisionAction(reference, state, note())],
    ["decision.reconsider", TOM, reconsider],
    ["retention.manage", DAN, extend],
    ["escalation.resolve", DAN, () => resolve("Not ours to resolve.")],
  ] as const)("%s, attempted by %s", async (attempted, email, attempt) => {
    const event = await expectOneRefusal(email, 404, attempt, attempted);
    expect(event.detail).toMatchObject({ reason: "other-organisation" });
  });

  it("a user of another organisation", async () => {
    const sam = await db().user.findUniqueOrThrow({ where: { email: SAM } });
    const attempt = () => setUserAccessAction(state, form({ userId: sam.id, access: "disable" }));
    await expectOneRefusal(RIVERSIDE_ADMIN, 404, attempt, "users.manage");
    expect((await db().user.findUniqueOrThrow({ where: { id: sam.id } })).disabledAt).toBeNull();
  });

  it("a record's JSON", async () => {
    const url = new Request(`http://localhost/api/decisions/${reference}`);
    const json = () => getDecisionJson(url, { params: Promise.resolve({ reference }) });
    await expectRouteRefusal(RUTH, 404, json, "decision.export");
  });

  it("but a reference that nobody holds is simply not found, and not a refusal", async () => {
    const events = await deniedEventsOf(RUTH, async () => {
      await expect(reviewDecisionAction("DEC-0000-0000", state, note())).rejects.toEqual(refusedWith(404));
    });
    expect(events).toHaveLength(0);
  });
});

describe("what is allowed goes through, and writes no refusal", () => {
  it("a practitioner starts a draft", async () => {
    const events = await deniedEventsOf(SAM, async () => {
      const redirected = { digest: expect.stringMatching(/^NEXT_REDIRECT;/) };
      await expect(startDraftAction(form({ kind: "ORIGINAL" }))).rejects.toMatchObject(redirected);
    });
    expect(events).toHaveLength(0);
    expect(await newDraft(SAM)).toBeTruthy();
  });
});
