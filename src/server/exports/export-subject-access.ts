import "server-only";
import { type SubjectAccessFormat, subjectAccessRequestSchema } from "@/schemas/export-filters";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { UseCaseFailure } from "@/domain/errors";
import { exportTimestamp } from "./authorise-export";
import { type CsvValue, csvDocument } from "./encode-csv";
import { withUserInput } from "@/server/use-case";

export interface SubjectAccessDecision {
  reference: string;
  kind: string;
  supersedes: string | null;
  caseReference: string;
  outcome: string;
  recordedAt: string;
  recordedBy: { name: string; jobTitle: string | null };
  team: string | null;
  /** The whole record as it was saved (or its tombstone, if disposed of). */
  record: unknown;
  reviews: { kind: string; by: string; comment: string | null; actionRequired: string | null; at: string }[];
  escalations: {
    status: string;
    raisedBy: string;
    reason: string;
    raisedAt: string;
    resolution: string | null;
    resolvedBy: string | null;
    resolvedAt: string | null;
  }[];
}

export interface SubjectAccessDocument {
  subjectAccess: {
    caseReference: string;
    organisation: string;
    exportedAt: string;
    exportedBy: string;
    decisionCount: number;
  };
  decisions: SubjectAccessDecision[];
}

export type SubjectAccessResult =
  /** Nothing is held for the case reference: nothing to download, and the search (not a disclosure) is audited. */
  | { ok: true; found: false; caseReference: string }
  | {
      ok: true;
      found: true;
      format: SubjectAccessFormat;
      filename: string;
      contentType: string;
      body: string;
      document: SubjectAccessDocument;
    }
  | UseCaseFailure;

/** References disclosed, as listed in the audit event; a case rarely has more. */
const MAX_REFERENCES_IN_AUDIT = 100;

export const SUBJECT_ACCESS_CSV_COLUMNS = ["decision_reference", "section", "item", "field", "value"] as const;

/**
 * Everything held for one case reference in the IG lead's organisation, in one download: every
 * decision (corrections and reconsiderations included) with its full record, its reviews and its
 * escalations. The case reference matches whatever its case (CS-1 and cs-1 are one case). The
 * read and its audit event (`subject-access.export`, a disclosure: case reference set, the
 * references disclosed in detail) are one transaction, so nothing is handed out unaudited.
 * A case with no records gives no document (an empty download, kept, could be taken for the answer to a
 * request when the reference was mistyped): the result says nothing was found, and the search is audited
 * as `subject-access.search`, not as a disclosure.
 * The route's pipeline has checked the permission (subject-access.export).
 */
export const exportSubjectAccess = withUserInput(
  subjectAccessRequestSchema,
  async (user, { caseReference, format }, meta): Promise<SubjectAccessResult> => {
    const decisions = await db().$transaction(async (tx) => {
      const rows = await tx.decision.findMany({
        // The pattern allows no LIKE wildcards, so the case-insensitive match is an exact one.
        where: { organisationId: user.organisationId, caseReference: { equals: caseReference, mode: "insensitive" } },
        orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
        include: {
          author: { select: { name: true, jobTitle: true } },
          team: { select: { name: true } },
          supersedes: { select: { reference: true } },
          reviews: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
          escalations: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: { raisedBy: { select: { name: true } }, resolvedBy: { select: { name: true } } },
          },
        },
      });
      const references = rows.map((row) => row.reference);
      if (rows.length === 0) {
        await appendAuditEvent(
          tx,
          auditEntry(user, meta, {
            action: "subject-access.search",
            objectType: "case",
            caseReference,
            outcome: "SUCCESS",
            detail: { decisions: 0 },
          }),
        );
        return rows;
      }
      await appendAuditEvent(
        tx,
        auditEntry(user, meta, {
          action: "subject-access.export",
          objectType: "case",
          caseReference,
          outcome: "SUCCESS",
          detail: {
            format,
            decisions: rows.length,
            references: references.slice(0, MAX_REFERENCES_IN_AUDIT),
            ...(references.length > MAX_REFERENCES_IN_AUDIT
              ? { referencesOmitted: references.length - MAX_REFERENCES_IN_AUDIT }
              : {}),
          },
        }),
      );
      return rows;
    });

    if (decisions.length === 0) return { ok: true, found: false, caseReference };
    const exportedAt = new Date();
    const document: SubjectAccessDocument = {
      subjectAccess: {
        caseReference,
        organisation: user.organisationName,
        exportedAt: exportedAt.toISOString(),
        exportedBy: user.name,
        decisionCount: decisions.length,
      },
      decisions: decisions.map((d) => ({
        reference: d.reference,
        kind: d.kind,
        supersedes: d.supersedes?.reference ?? null,
        caseReference: d.caseReference,
        outcome: d.outcome,
        recordedAt: d.recordedAt.toISOString(),
        recordedBy: { name: d.author.name, jobTitle: d.author.jobTitle },
        team: d.team?.name ?? null,
        record: d.record,
        reviews: d.reviews.map((r) => ({
          kind: r.kind,
          by: r.author.name,
          comment: r.comment,
          actionRequired: r.actionRequired,
          at: r.createdAt.toISOString(),
        })),
        escalations: d.escalations.map((e) => ({
          status: e.status,
          raisedBy: e.raisedBy.name,
          reason: e.reason,
          raisedAt: e.createdAt.toISOString(),
          resolution: e.resolution,
          resolvedBy: e.resolvedBy?.name ?? null,
          resolvedAt: e.resolvedAt?.toISOString() ?? null,
        })),
      })),
    };

    const stem = `subject-access-${caseReference.replace(/[^A-Za-z0-9-]/g, "-")}-${exportTimestamp(exportedAt)}`;
    const json = format === "json";
    return {
      ok: true,
      found: true,
      format,
      filename: `${stem}.${format}`,
      contentType: json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      body: json
        ? JSON.stringify(document, null, 2)
        : csvDocument(SUBJECT_ACCESS_CSV_COLUMNS, subjectAccessCsvRows(document)),
      document,
    };
  },
);

/**
 * The document as one CSV table, one value per row (decision reference, section, item, field,
 * value), so every field of every record, review and escalation fits one set of columns and
 * nothing is left out. Nested fields are dotted paths (recipient.name, lawfulBases.ids[0]).
 */
export function* subjectAccessCsvRows(document: SubjectAccessDocument): Generator<CsvValue[]> {
  for (const decision of document.decisions) {
    const { record, reviews, escalations, ...summary } = decision;
    for (const [field, value] of flatten(summary, "")) yield [decision.reference, "decision", "", field, value];
    for (const [field, value] of flatten(record, "")) yield [decision.reference, "record", "", field, value];
    for (const [index, review] of reviews.entries()) {
      for (const [field, value] of flatten(review, "")) yield [decision.reference, "review", index + 1, field, value];
    }
    for (const [index, escalation] of escalations.entries()) {
      for (const [field, value] of flatten(escalation, ""))
        yield [decision.reference, "escalation", index + 1, field, value];
    }
  }
}

function* flatten(value: unknown, path: string): Generator<[string, CsvValue]> {
  if (value === null || value === undefined) {
    yield [path, null];
  } else if (Array.isArray(value)) {
    if (value.length === 0) yield [path, ""];
    for (const [index, item] of value.entries()) yield* flatten(item, `${path}[${index}]`);
  } else if (value instanceof Date) {
    yield [path, value.toISOString()];
  } else if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) yield [path, ""];
    for (const [key, item] of entries) yield* flatten(item, path ? `${path}.${key}` : key);
  } else {
    yield [path, String(value)];
  }
}
