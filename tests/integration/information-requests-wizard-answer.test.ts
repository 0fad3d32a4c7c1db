// Answering an information request through the wizard (issue 14, decision 032) on a real PostgreSQL,
// as the app's restricted role: the draft prefilled from the request, one draft per request,
// recording it answers the request in the same transaction (or, answered meanwhile, writes
// nothing), refusals audited, and the requester never reaching the responder's decision record.
import { beforeAll, describe, expect, it } from "vitest";
import type { WizardAnswers } from "@/domain/wizard";
import { VALID, consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { loadOwnDraft } from "@/server/decisions/drafts";
import { recordDecision } from "@/server/decisions/record-decision";
import { viewDecision } from "@/server/decisions/view-decision";
import { db } from "@/server/infra/db";
import { answerRequest } from "@/server/requests/answer-request";
import { sendRequest } from "@/server/requests/send-request";
import { startAnswerDraft } from "@/server/requests/start-answer-draft";
import { viewRequest } from "@/server/requests/view-request";
import { TEST_META, actorFor, answerAll, withSuperuser } from "./support";
import { expectHeadsTakenInKeyOrder, inKeyOrder } from "./chain-head-locks";
import { TOM as TEACHER, NADIA as NURSE, OWEN as NAMED_NURSE, GRACE as TRUST_IG, ELLIS as POLICE } from "./demo-people";

const PURPOSE = "Jamie has had unexplained bruising twice this month.";

let trustId: string;
let schoolId: string;
let nhsNumberSeed = 0;

/** A valid NHS number of its own (modulus 11), so that earlier answers about other children do not match. */
function freshNhsNumber(): string {
  for (;;) {
    nhsNumberSeed += 1;
    const digits = String(400000000 + nhsNumberSeed * 7919).padStart(9, "0");
    const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

/** A request from the school's teacher to the trust, unless `from` and `to` say otherwise. */
async function send(
  caseReference: string,
  nhsNumber = freshNhsNumber(),
  from = TEACHER,
  to = trustId,
): Promise<string> {
  const result = await sendRequest(
    await actorFor(from),
    {
      respondingOrganisationId: to,
      priority: "AMBER",
      caseReference,
      childName: "Jamie Doe",
      "childDateOfBirth-day": "27",
      "childDateOfBirth-month": "3",
      "childDateOfBirth-year": "2016",
      nhsNumber,
      purpose: PURPOSE,
      informationNeeded: "Any A&E attendances in the last six months.",
      lawfulBasis: "Children Act 2004 s.11",
    },
    TEST_META,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.reference;
}

async function start(email: string, reference: string) {
  return startAnswerDraft(await actorFor(email), reference, TEST_META);
}

async function startedDraft(email: string, reference: string): Promise<string> {
  const result = await start(email, reference);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.draftId;
}

/** The rest of the wizard as the practitioner answers it, keeping the request page as prefilled. */
async function walk(email: string, draftId: string, answers: WizardAnswers, caseReference: string) {
  const draft = await loadOwnDraft(await actorFor(email), draftId);
  // The trust is no local authority: the council's statutory gateway is not among its lawful bases.
  const lawfulBasis = { ...VALID["lawful-basis"], statutoryGateways: [] };
  await answerAll(
    email,
    draftId,
    { ...answers, "lawful-basis": lawfulBasis, request: draft!.answers.request },
    caseReference,
  );
}

const noShareAnswers = (): WizardAnswers => ({
  ...consentGivenShareAnswers(),
  decision: { ...VALID.decision, outcome: "NO_SHARE" },
  "departure-reason": VALID["departure-reason"],
  "not-sharing": VALID["not-sharing"],
});

async function requestRow(reference: string) {
  return db().informationRequest.findUniqueOrThrow({
    where: { reference },
    include: { answer: true, events: { orderBy: { id: "asc" } } },
  });
}

async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

beforeAll(async () => {
  trustId = (await db().organisation.findUniqueOrThrow({ where: { name: "Northshire Health NHS Foundation Trust" } }))
    .id;
  schoolId = (await db().organisation.findUniqueOrThrow({ where: { name: "Riverside Primary School" } })).id;
});

describe("starting the answer", () => {
  it("prefills who asked, from where and why; the flowchart's questions are left to the practitioner", async () => {
    const reference = await send("RPS-W-001");
    const before = await lastAuditId();
    const result = await start(NURSE, reference);
    expect(result).toMatchObject({ ok: true, startStepId: "urgency", existing: false });
    if (!result.ok) return;

    const draft = await loadOwnDraft(await actorFor(NURSE), result.draftId);
    expect(draft?.answersRequest?.reference).toBe(reference);
    expect(draft?.answers).toEqual({
      request: {
        origin: "request",
        requesterName: "Tom Baker",
        requesterRole: "Class teacher",
        requesterOrganisation: "Riverside Primary School",
      },
    });
    expect(draft?.formDefaults.decision).toEqual({ purpose: PURPOSE });
    expect(draft?.formDefaults.recipient).toEqual({
      recipientName: "Tom Baker",
      recipientRole: "Class teacher",
      recipientOrganisation: "Riverside Primary School",
    });
    expect(draft?.formDefaults.identifiable).toEqual({ identifiable: "yes" });
    // No earlier answer about this child: the trust's own case reference is the practitioner's to give.
    expect(draft?.formDefaults.concern).toBeUndefined();

    const audited = await db().auditEvent.findMany({
      where: { id: { gt: before }, action: "draft.create", objectId: result.draftId },
      select: { organisationId: true, detail: true },
    });
    expect(audited).toEqual([{ organisationId: trustId, detail: { kind: "ORIGINAL", answersRequest: reference } }]);
  });

  it("gives its author the same draft again, and tells a colleague who is answering", async () => {
    const reference = await send("RPS-W-002");
    const first = await startedDraft(NURSE, reference);
    expect(await start(NURSE, reference)).toMatchObject({ ok: true, draftId: first, existing: true });
    const colleague = await start(NAMED_NURSE, reference);
    expect(colleague).toMatchObject({ ok: false, error: "conflict" });
    if (!colleague.ok) expect(colleague.errors[0]?.message).toContain("Nadia Rahman");
    expect(await db().decisionDraft.count({ where: { answersRequest: { reference } } })).toBe(1);
  });

  it("is refused, and audited, for anyone outside the contact team", async () => {
    const reference = await send("RPS-W-003");
    for (const [email, error, reason] of [
      [TRUST_IG, "forbidden", undefined],
      [TEACHER, "forbidden", undefined],
      [POLICE, "not-found", "other-organisation"],
    ] as const) {
      const before = await lastAuditId();
      expect(await start(email, reference)).toMatchObject({ ok: false, error });
      const user = await actorFor(email);
      const refusals = await db().auditEvent.findMany({
        where: { id: { gt: before }, actorId: user.userId, action: "access.denied" },
        select: { objectId: true, organisationId: true, detail: true },
      });
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({ objectId: reference, organisationId: user.organisationId });
      if (reason) expect(refusals[0]?.detail).toMatchObject({ reason });
    }
    expect(await db().decisionDraft.count({ where: { answersRequest: { reference } } })).toBe(0);
  });
});

describe("recording the draft answers the request", () => {
  let reference: string;
  let decisionReference: string;
  const nhsNumber = freshNhsNumber();

  it("with a share: the information, in the same transaction as the decision, audited on both sides", async () => {
    reference = await send("RPS-W-010", nhsNumber);
    const draftId = await startedDraft(NURSE, reference);
    await walk(NURSE, draftId, consentGivenShareAnswers(), "NHT-W-010");
    const before = await lastAuditId();
    const result = await recordDecision(await actorFor(NURSE), draftId, TEST_META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    decisionReference = result.reference;

    const decision = await db().decision.findUniqueOrThrow({ where: { reference: decisionReference } });
    expect(decision.organisationId).toBe(trustId);
    const row = await requestRow(reference);
    expect(row.status).toBe("ANSWERED");
    expect(row.answer).toMatchObject({
      kind: "SHARE",
      body: VALID["information-to-share"].informationDescription,
      decisionId: decision.id,
    });
    expect(row.events.at(-1)).toMatchObject({ kind: "ANSWERED", detail: { answer: "SHARE" } });
    const events = await db().auditEvent.findMany({
      where: { id: { gt: before } },
      select: { action: true, organisationId: true, objectId: true, detail: true },
      orderBy: { id: "asc" },
    });
    // Each organisation's chain in order. The answer's events come first: they take both chain heads, in
    // chain-key order, before the decision's takes the trust's (decision 032).
    const chainOf = (organisationId: string) =>
      events.filter((e) => e.organisationId === organisationId).map((e) => e.action);
    expect(chainOf(trustId)).toEqual(["request.answer", "decision.record"]);
    expect(chainOf(schoolId)).toEqual(["request.answer"]);
    expect(events.find((e) => e.action === "decision.record")?.detail).toMatchObject({ answersRequest: reference });
    // The requester is told, in the app.
    const teacher = await actorFor(TEACHER);
    expect(
      await db().notification.count({ where: { userId: teacher.userId, kind: "REQUEST_ANSWERED" } }),
    ).toBeGreaterThan(0);
  });

  it("the responding side sees the record linked both ways", async () => {
    const nurse = await actorFor(NURSE);
    const view = await viewRequest(nurse, reference, TEST_META);
    expect(view.ok && view.request.answer).toMatchObject({ recordedAsDecision: true, decisionReference });
    const record = await viewDecision(nurse, decisionReference, TEST_META, {
      action: "decision.view",
      channel: "page",
    });
    expect(record.ok && record.decision.answersRequest).toBe(reference);
  });

  it("the requester sees the information and that it was recorded as a decision, but not the decision", async () => {
    const teacher = await actorFor(TEACHER);
    const view = await viewRequest(teacher, reference, TEST_META);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.request.answer).toMatchObject({
      kind: "SHARE",
      body: VALID["information-to-share"].informationDescription,
      recordedAsDecision: true,
      decisionReference: null,
    });
    expect(view.request.answerDraft).toBeNull();
    expect(JSON.stringify(view.request)).not.toContain(decisionReference);

    const before = await lastAuditId();
    const record = await viewDecision(teacher, decisionReference, TEST_META, {
      action: "decision.view",
      channel: "page",
    });
    expect(record).toMatchObject({ ok: false, error: "not-found" });
    expect(
      await db().auditEvent.count({ where: { id: { gt: before }, actorId: teacher.userId, action: "access.denied" } }),
    ).toBe(1);
  });

  it("a later request about the same child starts with the trust's own case reference", async () => {
    const later = await send("RPS-W-011", nhsNumber);
    const draft = await loadOwnDraft(await actorFor(NURSE), await startedDraft(NURSE, later));
    expect(draft?.formDefaults.concern).toEqual({ caseReference: "NHT-W-010" });
  });

  it("with a no-share: the reasons, never the information", async () => {
    const noShare = await send("RPS-W-012");
    const draftId = await startedDraft(NURSE, noShare);
    await walk(NURSE, draftId, noShareAnswers(), "NHT-W-012");
    const result = await recordDecision(await actorFor(NURSE), draftId, TEST_META);
    expect(result.ok).toBe(true);
    const row = await requestRow(noShare);
    expect(row.status).toBe("ANSWERED");
    expect(row.answer).toMatchObject({ kind: "NO_SHARE", body: VALID.decision.rationale });
  });

  it("fails with a conflict, writing nothing, when the request was answered meanwhile", async () => {
    const answered = await send("RPS-W-013");
    const draftId = await startedDraft(NURSE, answered);
    await walk(NURSE, draftId, consentGivenShareAnswers(), "NHT-W-013");
    const plain = await answerRequest(
      await actorFor(NAMED_NURSE),
      answered,
      { answer: "NO_SHARE", reasons: "We hold no records about this child." },
      TEST_META,
    );
    expect(plain.ok).toBe(true);
    const decisionsBefore = await db().decision.count();
    const auditBefore = await lastAuditId();

    const result = await recordDecision(await actorFor(NURSE), draftId, TEST_META);
    expect(result).toMatchObject({ ok: false, error: "conflict" });
    expect(await db().decision.count({ where: { draftId } })).toBe(0);
    expect(await db().decision.count()).toBe(decisionsBefore);
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { id: { gt: auditBefore }, action: { not: "access.denied" } } })).toBe(
      0,
    );
    const row = await requestRow(answered);
    expect(row.answer).toMatchObject({
      kind: "NO_SHARE",
      body: "We hold no records about this child.",
      decisionId: null,
    });
  });

  it("rolls the decision back when the request is answered while it is being written", async () => {
    const raced = await send("RPS-W-014");
    const draftId = await startedDraft(NURSE, raced);
    await walk(NURSE, draftId, consentGivenShareAnswers(), "NHT-W-014");
    const decisionsBefore = await db().decision.count();
    const result = await withSuperuser(async (client) => {
      // Hold the request's row: recording reads it as open, locks the draft, then waits to answer it.
      await client.query("BEGIN");
      await client.query("SELECT id FROM information_request WHERE reference = $1 FOR UPDATE", [raced]);
      const recording = recordDecision(await actorFor(NURSE), draftId, TEST_META);
      // Polled, not slept: on a loaded machine reaching it can take seconds.
      for (const giveUpAt = Date.now() + 60_000; ;) {
        // Someone waits on this transaction (pg_locks, unlike pg_stat_activity, shows other roles' waits).
        const waiting = await client.query(
          `SELECT 1 FROM pg_locks waiting JOIN pg_locks mine
               ON mine.pid = pg_backend_pid() AND mine.locktype = 'transactionid' AND mine.granted
              AND waiting.locktype = 'transactionid' AND NOT waiting.granted
              AND waiting.transactionid = mine.transactionid`,
        );
        if (waiting.rowCount) break;
        if (Date.now() > giveUpAt) {
          await client.query("ROLLBACK");
          await recording.catch(() => undefined);
          throw new Error("recording never reached the request's row");
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Someone else answers it first.
      await client.query("UPDATE information_request SET status = 'ANSWERED' WHERE reference = $1", [raced]);
      await client.query("COMMIT");
      return recording;
    });
    expect(result).toMatchObject({ ok: false, error: "conflict" });
    expect(await db().decision.count()).toBe(decisionsBefore);
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(1);
    expect((await requestRow(raced)).answer).toBeNull();
  }, 120_000);
});

describe("recording an answer beside other steps between the same two organisations", () => {
  it("takes both chain heads in chain-key order, whichever organisation answers", async () => {
    const [lower, higher] = inKeyOrder(trustId, schoolId);
    // Each way, so that in one of them the answering organisation's key is the higher: recording its
    // decision first would lock that head first, and a step taking them in key order could deadlock.
    const ways = [
      { asker: TEACHER, answerer: NURSE, to: trustId, caseReference: "NHT-W-LOCK" },
      { asker: NURSE, answerer: TEACHER, to: schoolId, caseReference: "RPS-W-LOCK" },
    ];
    for (const { asker, answerer, to, caseReference } of ways) {
      const reference = await send(`${caseReference}-ASKED`, freshNhsNumber(), asker, to);
      const draftId = await startedDraft(answerer, reference);
      await walk(answerer, draftId, consentGivenShareAnswers(), caseReference);
      const recording = await expectHeadsTakenInKeyOrder(lower, higher, async () =>
        recordDecision(await actorFor(answerer), draftId, TEST_META),
      );
      expect(recording, `answering ${caseReference}`).toMatchObject({ ok: true });
    }
  }, 120_000);
});
