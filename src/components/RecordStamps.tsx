import { ARRANGEMENT_KIND_LABELS, type ArrangementStamp } from "@/domain/local-arrangements";
import { describeAppliedRetention, type AppliedRetention } from "@/domain/retention";
import type { ConsultationView } from "@/server/consultations/consultation-view";
import { formatDate } from "@/components/format";
import { SummaryList } from "@/components/layout-bits";
import { adviserLabel } from "@/components/consultation-labels";

/** The organisation's local arrangements that were in force when the record was made. */
export function LocalArrangementsStamp({ stamp }: { stamp: ArrangementStamp[] | null }) {
  if (stamp === null) return null;
  return (
    <section aria-labelledby="local-arrangements-stamp" data-testid="local-arrangements-stamp">
      <h2 className="govuk-heading-m" id="local-arrangements-stamp">
        Local arrangements in force
      </h2>
      {stamp.length === 0 ? (
        <p className="govuk-body">None were set for the organisation when this record was made.</p>
      ) : (
        <ul className="govuk-list-bullet">
          {stamp.map((a) => (
            <li key={a.id}>
              {a.title} ({ARRANGEMENT_KIND_LABELS[a.kind].toLowerCase()}, version {a.version} of{" "}
              {formatDate(a.updatedAt)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RetentionRuleNote({ rule }: { rule: AppliedRetention | null }) {
  return (
    <p className="govuk-body" data-testid="record-retention-rule">
      Kept under: {describeAppliedRetention(rule)}.
    </p>
  );
}

/** Advice sought without naming the child, later linked to this record by its author. */
export function LinkedConsultations({ consultations }: { consultations: ConsultationView[] }) {
  if (consultations.length === 0) return null;
  return (
    <section aria-labelledby="linked-consultations" data-testid="linked-consultations">
      <h2 className="govuk-heading-m" id="linked-consultations">
        Consultations before naming the child
      </h2>
      {consultations.map((c) => (
        <SummaryList
          key={c.id}
          rows={[
            { key: "Consulted", value: `${adviserLabel(c.adviserKind, c.adviser)}, ${formatDate(c.consultedAt)}` },
            { key: "Question", value: c.question },
            { key: "Advice", value: c.advice },
          ]}
        />
      ))}
    </section>
  );
}
