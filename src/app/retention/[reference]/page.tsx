import type { Metadata } from "next";
import type { FieldDefinition } from "@/domain/wizard";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { listRetentionDue } from "@/server/retention/list-retention-due";
import { ActionSection } from "@/components/ActionSection";
import { BackLink, WarningText } from "@/components/layout-bits";
import { formatDate } from "@/components/format";
import { describeAppliedRetention } from "@/domain/retention";
import { disposeDecisionAction, extendRetentionAction } from "../actions";

export const metadata: Metadata = { title: "Review a record's retention" };

const EXTEND_FIELDS: FieldDefinition[] = [
  { name: "retainUntil", kind: "date", label: "Keep until" },
  {
    name: "reason",
    kind: "textarea",
    label: "Why must it be kept longer?",
    hint: "For example: court proceedings, a safeguarding practice review, or a complaint.",
    maxLength: 2000,
  },
];

const DISPOSE_FIELDS: FieldDefinition[] = [
  {
    name: "confirm",
    kind: "checkboxes",
    label: "Confirm disposal",
    options: [{ value: "yes", label: "I confirm this record is no longer needed and can be disposed of" }],
  },
];

export default async function RetentionReviewPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await requirePermission("retention.manage");
  const row = (await listRetentionDue(user, 1000)).find((r) => r.reference === reference);
  if (!row) notFound();
  return (
    <div className="max-w-[760px]">
      <BackLink href="/retention" />
      <span className="govuk-caption-l">Retention review</span>
      <h1 className="govuk-heading-l">{row.reference}</h1>
      <p className="govuk-body">
        Recorded {formatDate(row.recordedAt)}. Keep until {formatDate(row.retainUntil)}
        {row.due ? " (retention has ended)" : ""}.
      </p>
      <p className="govuk-body" data-testid="retention-rule-used">
        Rule used: {describeAppliedRetention(row.rule)}.
      </p>
      <ActionSection
        title="Keep it longer"
        action={extendRetentionAction}
        hidden={{ reference: row.reference }}
        fields={EXTEND_FIELDS}
        submitLabel="Keep the record longer"
        tone="secondary"
      />
      {row.due ? (
        <ActionSection
          title="Dispose of it"
          action={disposeDecisionAction}
          hidden={{ reference: row.reference }}
          fields={DISPOSE_FIELDS}
          submitLabel="Dispose of the record"
        >
          <WarningText>
            Disposal removes the record’s content for good. Only its reference, dates and outcome stay, with the audit
            trail.
          </WarningText>
        </ActionSection>
      ) : null}
    </div>
  );
}
