// Property tests of the use cases behind every server action, against the real database, with
// arbitrary and hostile input (huge strings, unicode, nulls, extra keys, script tags, SQL
// fragments): a refusal is always a clear 4xx-style result — never a thrown exception (which
// would be a 500) — and a refused request stores nothing. Read paths (queue, audit search, your
// decisions, a record) never throw whatever their filters. Everything happens in an organisation
// of its own, so that no other test's counts or settings move.
import type { UseCaseFailure } from "@/domain/errors";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ANSWER_STEP_IDS, STEPS, type AnswerStepId } from "@/domain/wizard";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { searchAuditEvents } from "@/server/audit/search-audit-events";
import { signInUser } from "@/server/auth/sign-in-user";
import { loadOwnDraft } from "@/server/decisions/drafts";
import { listOwnDecisions } from "@/server/decisions/list-own-decisions";
import { recordDecision } from "@/server/decisions/record-decision";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { startDraft } from "@/server/decisions/start-draft";
import { viewDecision } from "@/server/decisions/view-decision";
import { db } from "@/server/infra/db";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { resolveEscalation } from "@/server/escalations/resolve-escalation";
import { disposeDecision } from "@/server/retention/dispose-decision";
import { extendRetention } from "@/server/retention/extend-retention";
import { listReviewQueue } from "@/server/reviews/list-review-queue";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { reviewDecision } from "@/server/reviews/review-decision";
import { setUserAccess } from "@/server/set-user-access";
import { updateOrganisationSettings } from "@/server/update-organisation-settings";
import type { SignedInUser } from "@/server/auth/current-actor";
import { hostileFormInput, hostileString, hostileValue, isClearMessage } from "../property/hostile";
import { TEST_META, actorFor, newDraft, recordThroughWizard } from "./support";

const RUNS = 25;

/** Asserts the property for RUNS generated inputs. */
function holds<Ts>(property: fc.IAsyncPropertyWithHooks<Ts>): Promise<void> {
  return fc.assert(property, { numRuns: RUNS });
}

const organisationId = randomUUID();
const teamId = randomUUID();
const tag = organisationId.slice(0, 8);
const EMAILS = {
  practitioner: `prop-practitioner-${tag}@property.example`,
  colleague: `prop-colleague-${tag}@property.example`,
  supervisor: `prop-supervisor-${tag}@property.example`,
  igLead: `prop-ig-${tag}@property.example`,
  admin: `prop-admin-${tag}@property.example`,
};
const users = {} as Record<keyof typeof EMAILS, SignedInUser>;
let reference: string;
let escalationId: string;
let draftId: string;

beforeAll(async () => {
  await db().organisation.create({
    data: { id: organisationId, name: `Property Test Council ${tag}`, kind: "LOCAL_AUTHORITY" },
  });
  await db().team.create({ data: { id: teamId, organisationId, name: "Property Team" } });
  const roles = {
    practitioner: "PRACTITIONER",
    colleague: "PRACTITIONER",
    supervisor: "SUPERVISOR",
    igLead: "IG_LEAD",
    admin: "ADMIN",
  } as const;
  for (const [key, email] of Object.entries(EMAILS) as Array<[keyof typeof EMAILS, string]>) {
    const inTeam = key === "practitioner" || key === "colleague" || key === "supervisor";
    await db().user.create({
      data: {
        email,
        name: `Property ${key}`,
        passwordHash: "not-a-hash",
        role: roles[key],
        organisationId,
        teamId: inTeam ? teamId : null,
      },
    });
    users[key] = await actorFor(email);
  }
  reference = await recordThroughWizard(EMAILS.practitioner, consentGivenShareAnswers(), "PROP-0001");
  const escalation = await raiseEscalation(
    users.practitioner,
    reference,
    { reason: "The supervisor and I disagree about the public interest here." },
    TEST_META,
  );
  if (!escalation.ok) throw new Error(JSON.stringify(escalation));
  escalationId = escalation.escalationId;
  draftId = await newDraft(EMAILS.practitioner);
}, 60_000);

/** Everything a refused request must leave as it was (refusals may still audit the denial). */
async function snapshot() {
  const decisions = await db().decision.findMany({ where: { organisationId }, select: { id: true } });
  const decisionIds = decisions.map((d) => d.id);
  const userIds = Object.values(users).map((u) => u.userId);
  const [drafts, reviews, escalations, notifications, retention, settings, people, queue, audit] = await Promise.all([
    db().decisionDraft.findMany({
      where: { organisationId },
      select: { id: true, answers: true },
      orderBy: { id: "asc" },
    }),
    db().review.count({ where: { decisionId: { in: decisionIds } } }),
    db().escalation.findMany({
      where: { organisationId },
      select: { id: true, status: true, resolution: true },
      orderBy: { id: "asc" },
    }),
    db().notification.count({ where: { userId: { in: userIds } } }),
    db().retentionReview.findMany({ where: { decisionId: { in: decisionIds } }, orderBy: { decisionId: "asc" } }),
    db().organisationSettings.findUnique({ where: { organisationId } }),
    db().user.findMany({
      where: { organisationId },
      select: { id: true, disabledAt: true, sessionVersion: true },
      orderBy: { id: "asc" },
    }),
    db().reviewQueueItem.count({ where: { organisationId } }),
    db().auditEvent.count({ where: { organisationId, outcome: "SUCCESS" } }),
  ]);
  return {
    decisions: decisionIds.sort(),
    drafts,
    reviews,
    escalations,
    notifications,
    retention,
    settings,
    people,
    queue,
    audit,
  };
}

type Refusal = UseCaseFailure;

function expectClearRefusal(result: Refusal): void {
  expect(["not-found", "forbidden", "invalid", "conflict"]).toContain(result.error);
  const messages = result.errors.map((e) => e.message);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(isClearMessage(message), JSON.stringify(message)).toBe(true);
}

/** Runs a state-changing use case on hostile input: refused clearly and nothing stored, or done. */
async function refusedOrDone(run: () => Promise<{ ok: boolean }>): Promise<void> {
  const before = await snapshot();
  const result = await run();
  if (result.ok) return;
  expectClearRefusal(result as Refusal);
  expect(await snapshot()).toEqual(before);
}

const referenceLike = () =>
  fc.oneof(
    hostileString,
    fc.constant(reference),
    fc.constant(reference.toLowerCase().replaceAll("-", " ")),
    fc.constant("DEC-0000-0000"),
  );
const stepFields = (id: string) =>
  ANSWER_STEP_IDS.includes(id as AnswerStepId) ? STEPS[id as AnswerStepId].fields.map((f) => f.name) : [];

describe("the use cases behind the server actions, with hostile input", () => {
  it("start a draft", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFormInput(["kind", "supersedesReference"]), async (input) => {
        await refusedOrDone(() => startDraft(users.practitioner, input, TEST_META));
      }),
      { numRuns: RUNS },
    );
  });

  it("save a wizard answer: any draft id, any step, any fields", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(draftId), hostileString, fc.uuid()),
        fc.oneof(fc.constantFrom(...ANSWER_STEP_IDS, "check-answers"), hostileString),
        fc.nat(),
        async (id, step, seed) => {
          const input = fc.sample(hostileFormInput(stepFields(step)), { numRuns: 1, seed })[0] as Record<
            string,
            unknown
          >;
          await refusedOrDone(() => saveDraftAnswer(users.practitioner, id, step, input, TEST_META));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("record a decision from any draft id (nobody else's, nothing unfinished)", async () => {
    const colleagueDraft = await newDraft(EMAILS.colleague);
    await holds(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.uuid(), fc.constant(colleagueDraft), fc.constant(draftId)),
        async (id) => {
          await refusedOrDone(() => recordDecision(users.practitioner, id, TEST_META));
        },
      ),
    );
  });

  it("review, reply to and escalate a decision", async () => {
    await holds(
      fc.asyncProperty(
        referenceLike(),
        hostileFormInput(["kind", "comment", "actionRequired", "reason"]),
        async (ref, input) => {
          await refusedOrDone(() => reviewDecision(users.supervisor, ref, input, TEST_META));
          await refusedOrDone(() => replyToReview(users.practitioner, ref, input, TEST_META));
          await refusedOrDone(() => raiseEscalation(users.colleague, ref, input, TEST_META));
        },
      ),
    );
  });

  it("resolve an escalation", async () => {
    await holds(
      fc.asyncProperty(
        fc.oneof(
          hostileFormInput(["escalationId", "resolution"]),
          hostileValue.map((resolution) => ({ escalationId, resolution })),
        ),
        async (input) => {
          await refusedOrDone(() => resolveEscalation(users.igLead, input, TEST_META));
        },
      ),
    );
  });

  it("extend or dispose of a record's retention", async () => {
    await holds(
      fc.asyncProperty(
        hostileFormInput(["reference", "retainUntil", "reason", "confirm"]),
        referenceLike(),
        async (input, ref) => {
          const withReference =
            typeof input === "object" && input !== null && !Array.isArray(input) ? { ...input, reference: ref } : input;
          await refusedOrDone(() => extendRetention(users.igLead, withReference, TEST_META));
          await refusedOrDone(() => disposeDecision(users.igLead, withReference, TEST_META));
        },
      ),
    );
  });

  it("change the organisation's settings and users' access", async () => {
    await holds(
      fc.asyncProperty(
        hostileFormInput([
          "reviewWithinDaysEmergency",
          "reviewWithinDaysFlagged",
          "reviewWithinDaysRoutine",
          "retentionYears",
        ]),
        fc.oneof(
          hostileFormInput(["userId", "access"]),
          hostileValue.map((access) => ({ userId: users.colleague.userId, access })),
        ),
        async (settings, access) => {
          await refusedOrDone(() => updateOrganisationSettings(users.igLead, settings, TEST_META));
          await refusedOrDone(() => setUserAccess(users.admin, access, TEST_META));
          // The admin cannot lock themself out, whatever they post.
          await refusedOrDone(() =>
            setUserAccess(users.admin, { userId: users.admin.userId, access: "disable" }, TEST_META),
          );
        },
      ),
    );
  });

  it("sign in: refused clearly, with the attempt audited and nothing else changed", async () => {
    await holds(
      fc.asyncProperty(
        fc.oneof(
          hostileFormInput(["email", "password", "callbackUrl"]),
          hostileString.map((password) => ({ email: EMAILS.practitioner, password })),
        ),
        async (input) => {
          const before = await snapshot();
          const result = await signInUser(input, TEST_META);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            for (const error of result.errors) expect(isClearMessage(error.message)).toBe(true);
          }
          expect(await snapshot()).toEqual(before);
        },
      ),
    );
  });
});

describe("a NUL character (which PostgreSQL refuses in text and JSON) in otherwise valid input", () => {
  const nul = "Looks fine \u0000 but is not";
  it("is refused clearly by every use case that stores text, never a database error", async () => {
    const refusals = [
      await saveDraftAnswer(users.practitioner, draftId, "urgency", { immediateRisk: "no" }, TEST_META).then(() =>
        saveDraftAnswer(
          users.practitioner,
          draftId,
          "request",
          { origin: "request", requesterName: nul, requesterRole: "Social worker" },
          TEST_META,
        ),
      ),
      await reviewDecision(users.supervisor, reference, { kind: "NOTE", comment: nul }, TEST_META),
      await replyToReview(users.practitioner, reference, { comment: nul }, TEST_META),
      await raiseEscalation(users.colleague, reference, { reason: `${nul} and long enough to be a reason` }, TEST_META),
      await resolveEscalation(users.igLead, { escalationId, resolution: nul }, TEST_META),
      await extendRetention(
        users.igLead,
        { reference, retainUntil: "2099-01-01", reason: `${nul} and long enough to be a reason` },
        TEST_META,
      ),
    ];
    for (const result of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expectClearRefusal(result as Refusal);
    }
  });

  it("is dropped from search filters rather than failing the query", async () => {
    expect(
      (await searchAuditEvents(users.igLead, { reference: "\u0000", caseReference: "PROP\u0000-0001" })).filterErrors,
    ).toEqual([]);
    expect((await listOwnDecisions(users.practitioner, { q: "PROP\u0000-0001" })).query).toBe("PROP-0001");
  });
});

describe("the read paths, with hostile filters", () => {
  it("never throw: queue, audit search, your decisions, a draft, a record", async () => {
    const query = fc.oneof(
      hostileFormInput([
        "flag",
        "outcome",
        "practitioner",
        "from",
        "to",
        "after",
        "actor",
        "action",
        "reference",
        "caseReference",
        "before",
        "q",
      ]),
      fc.constantFrom(
        { before: "9999999999999999999" },
        { before: "0" },
        { after: "eyJmIjp0cnVlfQ" },
        { q: "%" },
        { q: "_" },
        { from: "2025-02-30" },
        { to: "9999-12-31" },
        { from: "0001-01-01", to: "9999-12-30" },
        { from: "9999-12-31" },
      ),
    );
    await fc.assert(
      fc.asyncProperty(query, referenceLike(), async (filter, ref) => {
        const queue = await listReviewQueue(users.supervisor, filter);
        expect(Array.isArray(queue.rows)).toBe(true);
        const audit = await searchAuditEvents(users.igLead, filter);
        expect(Array.isArray(audit.rows)).toBe(true);
        const own = await listOwnDecisions(users.practitioner, filter);
        expect(Array.isArray(own.decisions)).toBe(true);
        expect(await loadOwnDraft(users.practitioner, String(ref))).toBeNull();
        const viewed = await viewDecision(users.colleague, String(ref), TEST_META, {
          action: "decision.view",
          channel: "page",
        });
        if (!viewed.ok) expect(["forbidden", "not-found"]).toContain(viewed.error);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
