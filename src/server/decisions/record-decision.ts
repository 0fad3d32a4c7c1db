import "server-only";
import { randomUUID } from "node:crypto";
import { type DecisionContext, type DecisionRecordData, type RecordKeepingSettings, type RecordProblem, buildDecisionRecord } from "@/domain/decision";
import { type AuditEventInput, chainEventTemplate, chainKeyFor } from "@/domain/audit";
import { GUIDANCE_VERSION } from "@/domain/guidance";
import type { OrganisationKind } from "@/domain/lawful-basis";
import { can } from "@/domain/policy";
import { type UseCaseResult, fail } from "@/domain/errors";
import { parseAnswers } from "@/domain/wizard";
import { type DecisionKind, Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { auditEntry, createChainHead } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { draftIdSchema, storedAnswers } from "./drafts";
import { newDecisionReference } from "./reference";
import { recordKeepingSettingsFrom } from "../organisation-settings";
import type { NotificationKind } from "../notifications/notify";

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
  const existing = await db().decision.findFirst({ where: { draftId, authorId: user.userId }, select: { reference: true } });
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
  /** Whether the organisation's audit chain has its head row yet (it has once anything was audited). */
  chainStarted: boolean;
}

/**
 * The user's own draft with what recording needs beside it (what it follows on from, the
 * organisation's kind and record-keeping settings, whether its audit chain has a head) in one
 * query: the same rows loadOwnDraft and recordKeepingSettings read, in one round trip, not three.
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
      chain_started: boolean;
    }>
  >`
    SELECT d.id, d.kind, d.answers, s.id AS supersedes_id, s.reference AS supersedes_reference, o.kind AS organisation_kind,
           st.review_within_days_emergency, st.review_within_days_flagged, st.review_within_days_routine, st.retention_years,
           EXISTS (SELECT 1 FROM audit_chain_head h WHERE h.chain_key = ${chainKeyFor(user.organisationId)}) AS chain_started
      FROM decision_draft d
      JOIN organisation o ON o.id = d.organisation_id
      LEFT JOIN decision s ON s.id = d.supersedes_id
      LEFT JOIN organisation_settings st ON st.organisation_id = d.organisation_id
     WHERE d.id = ${draftId}::uuid AND d.author_id = ${user.userId}::uuid AND d.organisation_id = ${user.organisationId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    supersedes: row.supersedes_id && row.supersedes_reference ? { id: row.supersedes_id, reference: row.supersedes_reference } : null,
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
    chainStarted: row.chain_started,
  };
}

const REVIEW_REQUESTED: NotificationKind = "REVIEW_REQUESTED";

/**
 * Records the decision in ONE statement, which PostgreSQL runs as one transaction and commits by
 * itself: the draft's removal, then (only if it removed it) the lock on the organisation's audit
 * chain head (FOR UPDATE), the decision, its review queue item, the team's supervisors'
 * notifications, the audit event chained after the locked head, and the head's move. Returns
 * whether it appended the event; nothing at all is written when it did not remove the draft (a
 * racing submission recorded it first).
 *
 * Why one statement (decision 007): every recording in an organisation queues on its chain head.
 * In an interactive transaction the head stays locked while Node, busy with the other requests,
 * gets round to hashing, sending the event and then COMMIT; here it is held only while the
 * database finishes the statement and flushes the commit. Node still makes the event and its
 * canonical serialisation (chainEventTemplate); the database only puts the head it locked into
 * the two gaps and takes the SHA-256, giving exactly chainEvent's hash.
 *
 * The head is locked only once the draft's row is (EXISTS on the DELETE's output), and the draft
 * is removed only if the head exists, so the draft is never removed without the decision, and
 * two submissions of one draft never wait for each other in opposite orders. The notifications
 * are the in-app channel's rows (notify.ts's inAppChannel writes the same), for the team's active
 * supervisors except the author (teamSupervisorIds); a second channel would need adding here too.
 * Ids are made as Prisma's @default(uuid()) makes them (v4): the columns have no database
 * default. Times go in as ISO 8601 with their "Z", so they are stored right whatever the
 * session's TimeZone.
 */
async function recordInOneStatement(user: SignedInUser, draft: DraftToRecord, record: DecisionRecordData, audit: AuditEventInput): Promise<boolean> {
  const decisionId = randomUUID();
  const recordedAt = record.decidedAt.toISOString();
  const reviewDueAt = record.reviewDueAt.toISOString();
  const at = new Date();
  const event = chainEventTemplate(audit, at);
  const rows = await db().$queryRaw<{ appended: number }[]>`
    WITH removed AS (
      DELETE FROM decision_draft
       WHERE id = ${draft.id}::uuid AND EXISTS (SELECT 1 FROM audit_chain_head WHERE chain_key = ${event.chainKey})
      RETURNING id
    ), head AS (
      SELECT last_seq + 1 AS seq, last_hash FROM audit_chain_head
       WHERE chain_key = ${event.chainKey} AND EXISTS (SELECT 1 FROM removed)
         FOR UPDATE
    ), decision AS (
      INSERT INTO decision (id, reference, draft_id, kind, supersedes_id, organisation_id, team_id, author_id, case_reference,
                            urgency, origin, concern_categories, child_at_risk, indication, outcome, departs_from_indication,
                            review_flags, consent_status, lawful_basis_ids, guidance_version, decision_date, recorded_at,
                            review_due_at, retain_until, record)
      SELECT ${decisionId}::uuid, ${record.reference}, ${draft.id}::uuid, ${draft.kind}::"DecisionKind", ${draft.supersedes?.id ?? null}::uuid,
             ${user.organisationId}::uuid, ${user.teamId}::uuid, ${user.userId}::uuid, ${record.caseReference},
             ${record.urgency}, ${record.origin}, ${record.concernCategories}::text[], ${record.childAtRiskOfSignificantHarm},
             ${record.indication}, ${record.outcome}::"DecisionOutcome", ${record.departsFromIndication},
             ${record.reviewFlags}::text[], ${record.consent.status}, ${record.lawfulBases?.ids ?? []}::text[], ${record.guidanceVersion},
             ${record.decisionDate}::date, ${recordedAt}::timestamptz, ${reviewDueAt}::timestamptz,
             ${record.retainUntil.toISOString()}::timestamptz, ${JSON.stringify(record)}::jsonb
        FROM head
    ), queued AS (
      INSERT INTO review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome, recorded_at, review_due_at)
      SELECT ${decisionId}::uuid, ${user.organisationId}::uuid, ${user.teamId}::uuid, ${user.userId}::uuid, ${record.reviewFlags.length > 0},
             ${record.reviewFlags}::text[], ${record.outcome}::"DecisionOutcome", ${recordedAt}::timestamptz, ${reviewDueAt}::timestamptz
        FROM head
    ), notified AS (
      INSERT INTO notification (id, user_id, kind, decision_reference)
      SELECT gen_random_uuid(), u.id, ${REVIEW_REQUESTED}, ${record.reference}
        FROM head, app_user u
       WHERE u.team_id = ${user.teamId}::uuid AND u.role = 'SUPERVISOR' AND u.disabled_at IS NULL AND u.id <> ${user.userId}::uuid
    ), hashed AS (
      SELECT seq, last_hash AS prev_hash,
             encode(sha256(convert_to(${event.before}::text || seq::text || ${event.between}::text || last_hash || ${event.after}::text, 'UTF8')), 'hex') AS hash
        FROM head
    ), event AS (
      INSERT INTO audit_event (chain_key, chain_seq, at, actor_id, actor_role, organisation_id, action, object_type,
                               object_id, case_reference, request_id, ip, outcome, detail, prev_hash, hash)
      SELECT ${event.chainKey}, seq, ${at.toISOString()}::timestamptz, ${audit.actorId}::uuid, ${audit.actorRole}::"Role",
             ${audit.organisationId}::uuid, ${audit.action}, ${audit.objectType}, ${audit.objectId}, ${audit.caseReference},
             ${audit.requestId}, ${audit.ip}, ${audit.outcome}::"AuditOutcome", ${JSON.stringify(audit.detail)}::jsonb, prev_hash, hash
        FROM hashed
      RETURNING chain_seq
    ), moved AS (
      UPDATE audit_chain_head SET last_seq = hashed.seq, last_hash = hashed.hash FROM hashed WHERE chain_key = ${event.chainKey}
    )
    SELECT count(*)::int AS appended FROM event`;
  return (rows[0]?.appended ?? 0) === 1;
}

/**
 * Records a finished draft as a decision: the domain re-checks every answer, then the decision
 * row, its queue item, the supervisors' notifications, the draft's removal and the audit event
 * commit together. A draft records at most once (unique draft id), so a double-submitted or
 * replayed form gets the first decision back.
 *
 * Two round trips (decision 007): the draft with what recording needs, then one statement that
 * writes everything (recordInOneStatement).
 */
export async function recordDecision(user: SignedInUser, draftId: string, meta: RequestMeta): Promise<RecordDecisionResult> {
  if (!can(user, "decision.record")) return fail.forbidden("You cannot record decisions");
  if (!draftIdSchema.safeParse(draftId).success) return fail.notFound("Draft not found");

  const draft = await loadDraftToRecord(user, draftId);
  if (!draft) {
    const reference = await alreadyRecordedFrom(user, draftId);
    if (reference) return { ok: true, reference, alreadyRecorded: true };
    return fail.notFound("Draft not found");
  }
  // Only an organisation that has never audited anything lacks a head (a draft's creation is audited).
  if (!draft.chainStarted) await createChainHead(db(), user.organisationId);

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
    if (!built.ok && !parseAnswers(draft.storedAnswers).ok) built = buildDecisionRecord(storedAnswers(draft.storedAnswers), context);
    if (!built.ok) return invalidRecord(built.problems);
    const { record } = built;
    const audit = auditEntry(user, meta, {
      action: "decision.record",
      objectType: "decision",
      objectId: record.reference,
      caseReference: record.caseReference,
      outcome: "SUCCESS",
      detail: {
        kind: draft.kind,
        outcome: record.outcome,
        indication: record.indication,
        departsFromIndication: record.departsFromIndication,
        flags: record.reviewFlags,
        ...(draft.supersedes ? { supersedes: draft.supersedes.reference } : {}),
      },
    });

    try {
      if (await recordInOneStatement(user, draft, record, audit)) return { ok: true, reference: record.reference, alreadyRecorded: false };
      // Removing the draft in the same statement serialises two racing submissions: the second
      // finds nothing to remove, writes nothing, and answers with the first's decision.
      const reference = await alreadyRecordedFrom(user, draft.id);
      if (reference) return { ok: true, reference, alreadyRecorded: true };
      throw new Error(`draft ${draft.id} vanished before it was recorded`);
    } catch (error) {
      if (isUniqueViolation(error, "decision_draft_id_key")) {
        const reference = await alreadyRecordedFrom(user, draft.id);
        if (reference) return { ok: true, reference, alreadyRecorded: true };
      }
      if (isUniqueViolation(error, "decision_reference_key") && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
