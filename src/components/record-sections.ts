// The decision record's contents as labelled text, in the order a reader needs them: what was
// decided, by whom, when and on what basis first. One source for the record page, its print and its
// PDF, so each answer appears once and all three say the same thing.
import type { DecisionView } from "@/server/decisions/view-decision";
import { GUIDANCE_VERSIONS, guidanceChangesBetween } from "@/domain/guidance";
import { caseReferenceText, formatDate, formatDateTime } from "@/components/format";
import { recordContextRows } from "@/components/record-context-rows";
import { flagReasons, severityLabel } from "@/domain/review/flags";
import {
  CONSENT_LABELS,
  FLAG_LABELS,
  INDICATION_LABELS,
  KIND_LABELS,
  NOT_SOUGHT_LABELS,
  OUTCOME_LABELS,
  lawfulBasisLabel,
  optionLabel,
} from "@/components/decision-labels";

export interface RecordRow {
  key: string;
  value: string;
}

export interface RecordSection {
  id: string;
  heading: string;
  rows: RecordRow[];
}

type Record = DecisionView["record"];

function person(p: { name?: string; role?: string; organisation?: string } | null): string {
  if (!p) return "Not recorded";
  return [p.name, p.role, p.organisation].filter(Boolean).join(", ") || "Not recorded";
}

function consentSummary(consent: Record["consent"]): string {
  const status = CONSENT_LABELS[consent.status] ?? consent.status;
  if (!consent.notSoughtReason) return status;
  return `${status}: ${NOT_SOUGHT_LABELS[consent.notSoughtReason] ?? consent.notSoughtReason}`;
}

function sharingMethodLabel(sharing: NonNullable<Record["sharingMethod"]>): string {
  return sharing.methodOther ?? optionLabel("sharing-method", "method", sharing.method);
}

export function recordedBy(decision: DecisionView): string {
  const { author, teamName } = decision;
  return author.name + (author.jobTitle ? `, ${author.jobTitle}` : "") + (teamName ? ` (${teamName})` : "");
}

export function lawfulBasesText(record: Record): string {
  return record.lawfulBases ? record.lawfulBases.ids.map(lawfulBasisLabel).join("\n") : "None needed";
}

/** "The guidance of 29 November 2026", or the stored id when the version is not known to this release. */
export function guidanceVersionText(versionId: string): string {
  const version = GUIDANCE_VERSIONS.find((v) => v.id === versionId);
  return version ? `InfoShare's guidance of ${formatDate(version.from)}` : versionId;
}

/** What changed in the guidance since the record was made, newest release last; empty when nothing did. */
export function guidanceChangesSince(versionId: string): string[] {
  const latest = GUIDANCE_VERSIONS.at(-1)?.id ?? versionId;
  return (guidanceChangesBetween(versionId, latest) ?? []).flatMap((v) => v.changes);
}

/** The answer to "what was decided, by whom, when and on what basis", shown first. */
export function summaryRows(decision: DecisionView): RecordRow[] {
  const { record } = decision;
  return [
    { key: "Decision", value: OUTCOME_LABELS[record.outcome] },
    { key: "Recorded by", value: recordedBy(decision) },
    { key: "Recorded at", value: formatDateTime(decision.recordedAt) },
    { key: "Lawful basis", value: lawfulBasesText(record) },
    { key: "Case reference", value: caseReferenceText(record.caseReference) },
  ];
}

export function recordSections(decision: DecisionView): RecordSection[] {
  const { record } = decision;
  const adviceSought = record.adviceSought.map(
    (a) => `${a.adviserRoleOther ?? optionLabel("purpose-advice", "adviceFrom", a.adviserRole)}: ${a.advice}`,
  );
  const context = recordContextRows(record);
  return [
    ...(context.length > 0 ? [{ id: "context", heading: "People, action and follow-up", rows: context }] : []),
    {
      id: "reasons",
      heading: "Why, and for whom",
      rows: [
        { key: "Reasons", value: record.rationale },
        { key: "Purpose of sharing", value: record.purpose },
        { key: "Recipient", value: person(record.recipient) },
        { key: "Date of decision", value: formatDate(record.decisionDate) },
        {
          key: "Urgency",
          value: record.urgency === "EMERGENCY" ? "Emergency: a child was at immediate risk" : "Not an emergency",
        },
        {
          key: "Request or own initiative",
          value:
            record.origin === "REQUEST" ? `Request from ${person(record.requester)}` : "Practitioner’s own initiative",
        },
      ],
    },
    {
      id: "flowchart",
      heading: "The flowchart",
      rows: [
        { key: "Indication", value: INDICATION_LABELS[record.indication] ?? record.indication },
        { key: "Why", value: record.indicationExplanation },
        { key: "Departs from the indication", value: record.departure ? `Yes. ${record.departure.explanation}` : "No" },
        ...(record.departure ? [{ key: "Reason for departing", value: record.departure.reason }] : []),
      ],
    },
    {
      id: "consent",
      heading: "Consent and advice",
      rows: [
        { key: "Consent", value: consentSummary(record.consent) },
        { key: "Special category data", value: record.lawfulBases?.specialCategory ? "Yes" : "No" },
        { key: "Advice sought", value: adviceSought.length === 0 ? "None" : adviceSought.join("\n") },
      ],
    },
    {
      id: "shared",
      heading: "What was shared and how",
      rows: [
        { key: "Information", value: record.informationShared?.description ?? "Nothing shared" },
        ...(record.informationShared?.withheld ? [{ key: "Withheld", value: record.informationShared.withheld }] : []),
        {
          key: "Method and security",
          value: record.sharingMethod
            ? `${sharingMethodLabel(record.sharingMethod)}. ${record.sharingMethod.securityMeasures}`
            : "Not applicable",
        },
        {
          key: "Person told",
          value: record.personInformed
            ? record.personInformed.informed
              ? "Yes"
              : `No. ${record.personInformed.reasonNotInformed ?? ""}`
            : "Not applicable",
        },
        { key: "Safety and well-being", value: record.safety.considerations },
        {
          key: "Identities protected",
          value:
            record.safety.identitiesToProtect
              .map((id) => optionLabel("safety", "identitiesToProtect", id))
              .join(", ") || "None",
        },
      ],
    },
    {
      id: "keeping",
      heading: "Review and record keeping",
      rows: [
        { key: "Record type", value: KIND_LABELS[decision.kind] },
        {
          key: "Flags for review",
          value: record.reviewFlags.length ? record.reviewFlags.map((f) => FLAG_LABELS[f] ?? f).join(", ") : "None",
        },
        // Why, and how soon (decision 027); records made before it have no severity.
        ...(record.reviewFlags.length && record.reviewSeverity
          ? [
              {
                key: "Why it is flagged",
                value: `${severityLabel(record.reviewSeverity)}: ${flagReasons(
                  record.reviewFlags,
                  record.departure?.code ?? null,
                ).join("; ")}`,
              },
            ]
          : []),
        { key: "Review by", value: formatDate(record.reviewDueAt) },
        { key: "Keep until", value: formatDate(record.retainUntil) },
        { key: "Made under", value: guidanceVersionText(record.guidanceVersion) },
      ],
    },
  ];
}
