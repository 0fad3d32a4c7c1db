import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { retentionRules } from "@/server/retention/retention-rules";
import {
  DEFAULT_RETENTION_RULES,
  RETENTION_RECORD_TYPES,
  RETENTION_RECORD_TYPE_LABELS,
  describeRetentionRule,
} from "@/domain/retention";
import type { FieldDefinition } from "@/domain/wizard";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, PageHeading, SuccessBanner } from "@/components/layout-bits";
import { updateRetentionRulesAction } from "../actions";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Retention rules" };

const FIELDS: FieldDefinition[] = RETENTION_RECORD_TYPES.flatMap((type): FieldDefinition[] => [
  {
    name: `years-${type}`,
    kind: "text",
    label: `${RETENTION_RECORD_TYPE_LABELS[type]}: years to keep it`,
    hint: `Default: ${describeRetentionRule(DEFAULT_RETENTION_RULES[type])}.`,
    maxLength: 3,
  },
  {
    name: `untilAge-${type}`,
    kind: "text",
    label: `${RETENTION_RECORD_TYPE_LABELS[type]}: or to the child’s birthday at this age, if later`,
    hint: "Leave blank for none. Used when the child’s date of birth is known.",
    optional: true,
    maxLength: 3,
  },
]);

export default async function RetentionRulesPage({ searchParams }: PageProps) {
  const user = await requirePermission("retention-rules.manage");
  const rules = await retentionRules(user.organisationId);
  const notice = doneNotice(await searchParams, {
    saved: "Retention rules saved. They apply to records made from now on.",
  });
  const current = Object.fromEntries(
    RETENTION_RECORD_TYPES.flatMap((type) => [
      [`years-${type}`, String(rules[type].years)],
      [`untilAge-${type}`, rules[type].untilAge === null ? "" : String(rules[type].untilAge)],
    ]),
  );
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={notice} />
      <BackLink href="/retention" />
      <PageHeading caption={user.organisationName}>Retention rules by record type</PageHeading>
      <p className="govuk-body">
        How long each type of record is kept before it is due for a retention review. Records already made keep the date
        they were given. Follow your organisation’s retention schedule. The defaults follow the IRMS toolkit for
        schools, the NHS records code and local authority schedules: <a href="/guidance/sources">guidance sources</a>.
      </p>
      <ul className="govuk-list-bullet" data-testid="retention-rules-now">
        {RETENTION_RECORD_TYPES.map((type) => (
          <li key={type}>
            {RETENTION_RECORD_TYPE_LABELS[type]}: {describeRetentionRule(rules[type])}
          </li>
        ))}
      </ul>
      <ActionForm
        action={updateRetentionRulesAction}
        fields={FIELDS}
        initialValues={current}
        submitLabel="Save retention rules"
      />
    </div>
  );
}
