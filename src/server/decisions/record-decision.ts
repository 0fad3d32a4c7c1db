import "server-only";
import { randomUUID } from "node:crypto";
import { type DecisionRecordData, type RecordKeepingSettings, type RecordProblem, buildDecisionRecord } from "@/domain/decision";
import { GUIDANCE_VERSION } from "@/domain/guidance";
import type { OrganisationKind } from "@/domain/lawful-basis";
import { can } from "@/domain/policy";
import type { WizardAnswers } from "@/domain/wizard";
import { type DecisionKind, Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { type Tx, db } from "../db";
import type { RequestMeta } from "../request-context";
import { draftIdSchema, storedAnswers } from "./drafts";
import { newDecisionReference } from "./reference";
import { recordKeepingSettingsFrom } from "../organisation-settings";
import type { NotificationKind } from "../notifications/notify";

export type RecordDecisionResult =
  | { ok: true; reference: string; alreadyRecorded: boolean }
  | { ok: false; status: 400 | 403 | 404; problems: RecordProblem[] };

const MAX_REFERENCE_ATTEMPTS = 5;

/** Thrown inside the transaction when the draft was recorded by a racing submission meanwhile. */
class DraftAlreadyRecorded extends Error {}

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
  answers: WizardAnswers;
  organisationKind: OrganisationKind;
  settings: RecordKeepingSettings;
}

/**
 * The user's own draft with what recording needs beside it (what it follows on from, the
 * organisation's kind and record-keeping settings) in one query: the same rows loadOwnDraft and
 * recordKeepingSettings read, without three round trips before the transaction even starts.
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
    }>
  >`
    SELECT d.id, d.kind, d.answers, s.id AS supersedes_id, s.reference AS supersedes_reference, o.kind AS organisation_kind,
           st.review_within_days_emergency, st.review_within_days_flagged, st.review_within_days_routine, st.retention_years
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
    answers: storedAnswers(row.answers),
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
  };
}

/**
 * Writes the decision, its review queue item and the team's supervisors' notifications, and
 * removes the draft, in one statement (one round trip instead of six through the model API).
 * Returns how many drafts it removed: none means a racing submission recorded it first.
 *
 * The notifications are the in-app channel's rows (notify.ts's inAppChannel writes the same), for
 * the team's active supervisors except the author (teamSupervisorIds); a second notification
 * channel would need adding here too. Ids are made here as Prisma's @default(uuid()) makes them
 * (v4), because the columns have no database default. Times go in as ISO 8601 with their "Z", so
 * they are stored right whatever the session's TimeZone.
 */
async function writeDecision(tx: Tx, user: SignedInUser, draft: DraftToRecord, record: DecisionRecordData): Promise<number> {
  const decisionId = randomUUID();
  const recordedAt = record.decidedAt.toISOString();
  const reviewDueAt = record.reviewDueAt.toISOString();
  const rows = await tx.$queryRaw<{ removed: number }[]>`
    WITH removed AS (
      DELETE FROM decision_draft WHERE id = ${draft.id}::uuid RETURNING id
    ), decision AS (
      INSERT INTO decision (id, reference, draft_id, kind, supersedes_id, organisation_id, team_id, author_id, case_reference,
                            urgency, origin, concern_categories, child_at_risk, indication, outcome, departs_from_indication,
                            review_flags, consent_status, lawful_basis_ids, guidance_version, decision_date, recorded_at,
                            review_due_at, retain_until, record)
      VALUES (${decisionId}::uuid, ${record.reference}, ${draft.id}::uuid, ${draft.kind}::"DecisionKind", ${draft.supersedes?.id ?? null}::uuid,
              ${user.organisationId}::uuid, ${user.teamId}::uuid, ${user.userId}::uuid, ${record.caseReference},
              ${record.urgency}, ${record.origin}, ${record.concernCategories}::text[], ${record.childAtRiskOfSignificantHarm},
              ${record.indication}, ${record.outcome}::"DecisionOutcome", ${record.departsFromIndication},
              ${record.reviewFlags}::text[], ${record.consent.status}, ${record.lawfulBases?.ids ?? []}::text[], ${record.guidanceVersion},
              ${record.decisionDate}::date, ${recordedAt}::timestamptz, ${reviewDueAt}::timestamptz,
              ${record.retainUntil.toISOString()}::timestamptz, ${JSON.stringify(record)}::jsonb)
    ), queued AS (
      INSERT INTO review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome, recorded_at, review_due_at)
      VALUES (${decisionId}::uuid, ${user.organisationId}::uuid, ${user.teamId}::uuid, ${user.userId}::uuid, ${record.reviewFlags.length > 0},
              ${record.reviewFlags}::text[], ${record.outcome}::"DecisionOutcome", ${recordedAt}::timestamptz, ${reviewDueAt}::timestamptz)
    ), notified AS (
      INSERT INTO notification (id, user_id, kind, decision_reference)
      SELECT gen_random_uuid(), u.id, ${REVIEW_REQUESTED}, ${record.reference}
        FROM app_user u
       WHERE u.team_id = ${user.teamId}::uuid AND u.role = 'SUPERVISOR' AND u.disabled_at IS NULL AND u.id <> ${user.userId}::uuid
    )
    SELECT count(*)::int AS removed FROM removed`;
  return rows[0]?.removed ?? 0;
}

const REVIEW_REQUESTED: NotificationKind = "REVIEW_REQUESTED";

/**
 * Records a finished draft as a decision: the domain re-checks every answer, then the decision
 * row, its queue item, the supervisors' notifications, the draft's removal and the audit event
 * commit together. A draft records at most once (unique draft id), so a double-submitted or
 * replayed form gets the first decision back.
 *
 * Written for throughput (decision 007): one query before the transaction and three inside it
 * (everything but the audit event, then the chain head's lock, then the event), so the chain
 * head, which serialises every recording in an organisation, is held for the hash and one
 * statement only.
 */
export async function recordDecision(user: SignedInUser, draftId: string, meta: RequestMeta): Promise<RecordDecisionResult> {
  if (!can(user, "decision.record")) return { ok: false, status: 403, problems: [{ stepId: "context", field: "_form", message: "You cannot record decisions" }] };
  if (!draftIdSchema.safeParse(draftId).success) return { ok: false, status: 404, problems: [{ stepId: "context", field: "_form", message: "Draft not found" }] };

  const draft = await loadDraftToRecord(user, draftId);
  if (!draft) {
    const reference = await alreadyRecordedFrom(user, draftId);
    if (reference) return { ok: true, reference, alreadyRecorded: true };
    return { ok: false, status: 404, problems: [{ stepId: "context", field: "_form", message: "Draft not found" }] };
  }

  for (let attempt = 1; ; attempt += 1) {
    const built = buildDecisionRecord(draft.answers, {
      settings: draft.settings,
      reference: newDecisionReference(),
      practitionerId: user.userId,
      organisationId: user.organisationId,
      organisationKind: draft.organisationKind,
      decidedAt: new Date(),
      guidanceVersion: GUIDANCE_VERSION,
    });
    if (!built.ok) return { ok: false, status: 400, problems: built.problems };
    const { record } = built;

    try {
      await db().$transaction(async (tx) => {
        // Deleting the draft inside the transaction serialises two racing submissions: the second
        // finds nothing to delete (or meets the first's draft id) and rolls back.
        if ((await writeDecision(tx, user, draft, record)) !== 1) throw new DraftAlreadyRecorded();
        await appendAuditEvent(
          tx,
          auditEntry(user, meta, {
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
          }),
        );
      });
      return { ok: true, reference: record.reference, alreadyRecorded: false };
    } catch (error) {
      if (error instanceof DraftAlreadyRecorded || isUniqueViolation(error, "decision_draft_id_key")) {
        const reference = await alreadyRecordedFrom(user, draft.id);
        if (reference) return { ok: true, reference, alreadyRecorded: true };
      }
      if (isUniqueViolation(error, "decision_reference_key") && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
