import { ESCALATION_REASON_LABELS, escalationOutcomeLabel } from "@/domain/requests";
import type { EscalationView } from "@/server/requests/request-summary";
import { SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { text } from "./request-sections";

/** A request's escalations to the lead partners and their decisions, as both parties and the lead partners see them. */
export function EscalationList({ escalations }: { escalations: EscalationView[] }) {
  if (escalations.length === 0) return null;
  return (
    <section aria-labelledby="escalations-heading" data-testid="request-escalations">
      <h2 className="govuk-heading-m" id="escalations-heading">
        Escalation to the lead safeguarding partners
      </h2>
      {escalations.map((e) => (
        <div key={e.reason}>
          <h3 className="govuk-heading-s">{ESCALATION_REASON_LABELS[e.reason]}</h3>
          <SummaryList
            rows={[
              {
                key: "Escalated",
                value: `${formatDateTime(e.raisedAt)}${e.raisedBy ? ` by ${e.raisedBy}` : ", by the response clock"}`,
              },
              ...(e.reasons ? [{ key: "Why the requester disagrees", value: text(e.reasons) }] : []),
              {
                key: "Lead partners’ decision",
                value: e.decision ? escalationOutcomeLabel(e.decision.outcome, e.reason) : "Waiting for a decision",
              },
              ...(e.decision
                ? [
                    { key: "Their reasons", value: text(e.decision.reasons) },
                    { key: "Decided by", value: `${e.decision.decidedBy}, ${formatDateTime(e.decision.decidedAt)}` },
                  ]
                : []),
            ]}
          />
        </div>
      ))}
    </section>
  );
}
