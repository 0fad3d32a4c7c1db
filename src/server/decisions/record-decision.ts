import "server-only";
import { randomUUID } from "node:crypto";
import {
  type DecisionContext,
  type DecisionRecordData,
  type RecordKeepingSettings,
  type RecordProblem,
  buildDecisionRecord,
} from "@/domain/decision";
import { type AuditEventInput, chainEventTemplate } from "@/domain/audit";
import { GUIDANCE_VERSION } from "@/domain/guidance";
import type { OrganisationKind } from "@/domain/lawful-basis";
import { can } from "@/domain/policy";
import { type UseCaseResult, fail } from "@/domain/errors";
import { parseAnswers } from "@/domain/wizard";
import { type DecisionKind, Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { auditEntry, logAuditEvent } from "../audit/append-audit-event";
import { type Tx, db } from "@/server/infra/db";
import { type RequestAnswerContent, STEP_REFUSALS, answerFromDecision, statusAfter } from "@/domain/requests";
import { claimAnswer, storeAnswer } from "../requests/answer-request";
import { type RequestForAction, loadRequestForAction } from "../requests/load-request-for-action";
import type { RequestMeta } from "@/server/infra/request-context";
import { draftIdSchema, storedAnswers } from "./drafts";
import { newDecisionReference } from "./reference";
import { recordKeepingSettingsFrom } from "../organisation-settings";
import {
  type AppliedRetention,
  type RetentionRecordType,
  type RetentionRule,
  retentionForDecision,
  retentionRulesWith,
} from "@/domain/retention";
import { rowsAsRules } from "../retention/retention-rules";

export type RecordDecisionResult = UseCaseResult<{ reference: string; alreadyRecorded: boolean }>;

/** The domain's problems as the one error type: each names its wizard step, for the summary's links. */
function invalidRecord(problems: RecordProblem[]) {
  return fail.invalid(problems.map(({ stepId, field, message }) => ({ field, message, stepId })));
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * A unique index's violation, by index name. Model queries report it as P2002; a raw query
 * reports the driver's error (P2010 with PostgreSQL's 23505 and the index's name).
 */
function isUniqueViolation(error: unknown, index: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
  return (error.code === "P2002" || text.includes("23505")) && text.includes(index);
}

async function alreadyRecordedFrom(user: SignedInUser, draftId: string): Promise<string | null> {
  const existing = await db().decision.findFirst({
    where: { draftId, authorId: user.userId },
    select: { reference: true },
  });
  return existing?.reference ?? null;
}

interface DraftToRecord {
  id: string;
  kind: DecisionKind;
  supersedes: { id: string; reference: string } | null;
  /** As stored: buildDecisionRecord parses them (see recordDecision). */
  storedAnswers: unknown;
  organisationKind: OrganisationKind;
  settings: RecordKeepingSettings;
  /** The organisation's retention rules by record type (decision 024). */
  retentionRules: Record<RetentionRecordType, RetentionRule>;
  /** The reference of the information request this draft answers (decision 032). */
  answersRequestReference: string | null;
}

/**
 * The user's own draft with what recording needs beside it (what it follows on from, the
 * organisation's kind and record-keeping settings) in one query: the same rows loadOwnDraft and
 * recordKeepingSettings read, in one round trip, not three.
 */
async function loadDraftToRecord(user: SignedInUser, draftId: string): Promise<DraftToRecord | null> {
  const rows = await db().$queryRaw<
    Array<{
      id: string;
      kind: DecisionKind;
      answers: unknown;
      supersedes_id: string | null;
      supersedes_reference: string | null;
      organisation_kind: OrganisationKind;
      review_within_days_emergency: number | null;
      review_within_days_flagged: number | null;
      review_within_days_routine: number | null;
      retention_years: number | null;
      retention_rules: { recordType: string; years: number; untilAge: number | null }[];
      answers_request_reference: string | null;
    }>
  >`
    SELECT d.id, d.kind, d.answers, s.id AS supersedes_id, s.reference AS supersedes_reference,
           o.kind AS organisation_kind,
           st.review_within_days_emergency, st.review_within_days_flagged, st.review_within_days_routine,
           st.retention_years,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('recordType', r.record_type, 'years', r.years,
                                                         'untilAge', r.until_age)), '[]'::jsonb)
              FROM retention_rule r WHERE r.organisation_id = d.organisation_id) AS retention_rules,
           ar.reference AS answers_request_reference
      FROM decision_draft d
      JOIN organisation o ON o.id = d.organisation_id
      LEFT JOIN decision s ON s.id = d.supersedes_id
      LEFT JOIN organisation_settings st ON st.organisation_id = d.organisation_id
      LEFT JOIN information_request ar ON ar.id = d.answers_request_id
     WHERE d.id = ${draftId}::uuid AND d.author_id = ${user.userId}::uuid
       AND d.organisation_id = ${user.organisationId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    supersedes:
      row.supersedes_id && row.supersedes_reference
        ? { id: row.supersedes_id, reference: row.supersedes_reference }
        : null,
    storedAnswers: row.answers,
    organisationKind: row.organisation_kind,
    settings: recordKeepingSettingsFrom(
      row.retention_years === null
        ? null
        : {
            reviewWithinDaysEmergency: row.review_within_days_emergency!,
            reviewWithinDaysFlagged: row.review_within_days_flagged!,
            reviewWithinDaysRoutine: row.review_within_days_routine!,
            retentionYears: row.retention_years,
          },
    ),
    retentionRules: retentionRulesWith(rowsAsRules(row.retention_rules)),
    answersRequestReference: row.answers_request_reference,
  };
}

/**
 * Records the decision in ONE function call, which PostgreSQL runs as one transaction and commits
 * by itself (record_decision, decision 012): the draft's removal, the decision, its review queue
 * item, the supervisors' notifications (notify_users, the one notification writer) and the audit
 * event through append_audit_event, the one audit append, which locks the chain head. Returns
 * whether it recorded; nothing at all is written when it did not remove the draft (a racing
 * submission recorded it first).
 *
 * Why one call (decision 007): every recording in an organisation queues on its chain head. In an
 * interactive transaction the head stays locked while Node, busy with the other requests, gets
 * round to hashing, sending the event and then COMMIT; here it is held only while the database
 * finishes and flushes the commit. Node still makes the event and its canonical serialisation
 * (chainEventTemplate); the database puts the head it locked into the two gaps and takes the
 * SHA-256, giving exactly chainEvent's hash. Ids are made as Prisma's @default(uuid()) makes them
 * (v4). Times go in as ISO 8601 with their "Z", so they are stored right whatever the session's
 * TimeZone.
 */
async function recordInOneCall(
  user: SignedInUser,
  draft: DraftToRecord,
  record: DecisionRecordData,
  audit: AuditEventInput,
  retentionRule: AppliedRetention,
  answering: AnsweredRequest | null,
): Promise<boolean> {
  const decision = {
    id: randomUUID(),
    reference: record.reference,
    kind: draft.kind,
    supersedes_id: draft.supersedes?.id ?? null,
    organisation_id: user.organisationId,
    team_id: user.teamId,
    author_id: user.userId,
    case_reference: record.caseReference,
    urgency: record.urgency,
    origin: record.origin,
    concern_categories: record.concernCategories,
    child_at_risk: record.childAtRiskOfSignificantHarm,
    indication: record.indication,
    outcome: record.outcome,
    departs_from_indication: record.departsFromIndication,
    review_flags: record.reviewFlags,
    // Not a column: record_decision makes it the queue item's "flagged", urgent first (decision 027).
    review_urgent: record.reviewSeverity === "URGENT",
    consent_status: record.consent.status,
    lawful_basis_ids: record.lawfulBases?.ids ?? [],
    guidance_version: record.guidanceVersion,
    decision_date: record.decisionDate,
    recorded_at: record.decidedAt.toISOString(),
    review_due_at: record.reviewDueAt.toISOString(),
    retain_until: record.retainUntil.toISOString(),
    record,
    // local_arrangements is stamped by record_decision() itself, from what is in force as it commits.
    retention_rule: retentionRule,
  };
  const at = new Date();
  const template = chainEventTemplate(audit, at);
  const recordCall = (client: Tx | ReturnType<typeof db>) => client.$queryRaw<{ recorded: boolean }[]>`
    SELECT record_decision(${draft.id}::uuid, ${JSON.stringify(decision)}::jsonb,
                           ${JSON.stringify({ ...audit, at: at.toISOString() })}::jsonb,
                           ${template.before}, ${template.between}, ${template.after}) AS recorded`;
  const recorded = answering
    ? await recordAndAnswer(user, answering, draft.id, decision.id, answerFromDecision(record), recordCall)
    : (await recordCall(db()))[0]?.recorded === true;
  if (recorded) logAuditEvent(audit, null);
  return recorded;
}

interface AnsweredRequest {
  request: RequestForAction;
  meta: RequestMeta;
}

/** The request was answered by someone else meanwhile: the whole recording is rolled back. */
class RequestAlreadyAnswered extends Error {}

/**
 * A decision that answers a request (decision 032): the record and the answer it delivers commit
 * together, in one interactive transaction (only for these drafts: the rest keep the one-call path
 * of decision 007). If the request is no longer open, nothing is written.
 *
 * The locks come in the order every writer takes them: the draft's row (as record_decision does), the
 * request's row, then both organisations' chain heads in chain-key order, which the answer's audit events
 * take. record_decision's own event then finds its organisation's head already held. Recording first would
 * lock the responding organisation's head before the requesting one's, and a request step between the two
 * organisations, taking them the other way, could deadlock with it. So the answer's events come before the
 * decision's in the log; all three commit together.
 */
async function recordAndAnswer(
  user: SignedInUser,
  { request, meta }: AnsweredRequest,
  draftId: string,
  decisionId: string,
  answer: RequestAnswerContent,
  recordCall: (tx: Tx) => Promise<{ recorded: boolean }[]>,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const draftRow = await tx.$queryRaw<unknown[]>`SELECT 1 FROM decision_draft WHERE id = ${draftId}::uuid FOR UPDATE`;
    if (draftRow.length === 0) return false; // a racing submission recorded it: nothing to write
    if (!(await claimAnswer(tx, user, meta, request, answer))) throw new RequestAlreadyAnswered();
    // The draft's row is held, so record_decision finds it and records.
    if ((await recordCall(tx))[0]?.recorded !== true) throw new Error(`draft ${draftId} was not recorded`);
    await storeAnswer(tx, user, request, answer, decisionId);
    return true;
  });
}

/**
 * Records a finished draft as a decision: the domain re-checks every answer, then the decision
 * row, its queue item, the supervisors' notifications, the draft's removal and the audit event
 * commit together. A draft records at most once (unique draft id), so a double-submitted or
 * replayed form gets the first decision back.
 *
 * Two round trips (decision 007): the draft with what recording needs, then one function call that
 * writes everything (recordInOneCall).
 */
export async function recordDecision(
  user: SignedInUser,
  draftId: string,
  meta: RequestMeta,
): Promise<RecordDecisionResult> {
  if (!can(user, "decision.record")) return fail.forbidden("You cannot record decisions");
  if (!draftIdSchema.safeParse(draftId).success) return fail.notFound("Draft not found");

  const draft = await loadDraftToRecord(user, draftId);
  if (!draft) {
    const reference = await alreadyRecordedFrom(user, draftId);
    if (reference) return { ok: true, reference, alreadyRecorded: true };
    return fail.notFound("Draft not found");
  }
  // A draft answering a request answers it only if its author may still do so and it is still open.
  let answering: AnsweredRequest | null = null;
  if (draft.answersRequestReference) {
    const loaded = await loadRequestForAction(user, draft.answersRequestReference, "request.respond", meta);
    if (!loaded.ok) return loaded;
    if (!statusAfter("answer", loaded.request.status)) return fail.conflict(STEP_REFUSALS.answer);
    answering = { request: loaded.request, meta };
  }
  for (let attempt = 1; ; attempt += 1) {
    const context: DecisionContext = {
      settings: draft.settings,
      reference: newDecisionReference(),
      practitionerId: user.userId,
      organisationId: user.organisationId,
      organisationKind: draft.organisationKind,
      decidedAt: new Date(),
      guidanceVersion: GUIDANCE_VERSION,
    };
    // The domain parses the stored answers itself, so they are parsed once here, not twice (the
    // parse is about a fifth of the domain's cost, and parsing is idempotent). Answers that no longer
    // parse (a guidance update made one invalid) count as none, as the wizard reads the draft
    // (storedAnswers), so the problems are the same as ever.
    let built = buildDecisionRecord(draft.storedAnswers, context);
    if (!built.ok && !parseAnswers(draft.storedAnswers).ok)
      built = buildDecisionRecord(storedAnswers(draft.storedAnswers), context);
    if (!built.ok) return invalidRecord(built.problems);
    // Retention by record type (decision 024) replaces the flat period for new records.
    const retention = retentionForDecision(built.record, draft.retentionRules);
    const record: DecisionRecordData = { ...built.record, retainUntil: retention.retainUntil };
    const audit = auditEntry(user, meta, {
      action: "decision.record",
      objectType: "decision",
      objectId: record.reference,
      // A request that identifies no one has no case reference (issue 11).
      caseReference: record.caseReference || null,
      outcome: "SUCCESS",
      detail: {
        kind: draft.kind,
        outcome: record.outcome,
        indication: record.indication,
        departsFromIndication: record.departsFromIndication,
        flags: record.reviewFlags,
        ...(draft.supersedes ? { supersedes: draft.supersedes.reference } : {}),
        ...(draft.answersRequestReference ? { answersRequest: draft.answersRequestReference } : {}),
      },
    });

    try {
      if (await recordInOneCall(user, draft, record, audit, retention.applied, answering)) {
        return { ok: true, reference: record.reference, alreadyRecorded: false };
      }
      // Removing the draft in the same statement serialises two racing submissions: the second
      // finds nothing to remove, writes nothing, and answers with the first's decision.
      const reference = await alreadyRecordedFrom(user, draft.id);
      if (reference) return { ok: true, reference, alreadyRecorded: true };
      throw new Error(`draft ${draft.id} vanished before it was recorded`);
    } catch (error) {
      if (error instanceof RequestAlreadyAnswered) return fail.conflict(STEP_REFUSALS.answer);
      if (isUniqueViolation(error, "decision_draft_id_key")) {
        const reference = await alreadyRecordedFrom(user, draft.id);
        if (reference) return { ok: true, reference, alreadyRecorded: true };
      }
      if (isUniqueViolation(error, "decision_reference_key") && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
