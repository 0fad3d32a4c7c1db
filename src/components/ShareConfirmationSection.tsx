import type { FormState } from "@/domain/errors";
import { SHARING_METHODS, type FieldDefinition } from "@/domain/wizard";
import type { DecisionView } from "@/server/decisions/view-decision";
import { ActionForm } from "@/components/ActionForm";
import { SummaryList } from "@/components/layout-bits";
import { formatDate, formatDateTime } from "@/components/format";
import { optionLabel } from "@/components/decision-labels";

const METHOD_OPTIONS = SHARING_METHODS.map((value) => ({
  value,
  label: optionLabel("sharing-method", "method", value),
}));

const FIELDS: readonly FieldDefinition[] = [
  { name: "sharedOn", kind: "date", label: "When was it shared?", hint: "For example, 27 11 2026." },
  { name: "method", kind: "radios", label: "How was it shared?", options: METHOD_OPTIONS },
];

/**
 * A decision to share, confirmed later as done (issue 11): separate from the decision, which
 * never changes. The page passes the action in (components do not import from src/app).
 */
export function ShareConfirmationSection({
  decision,
  confirmAction,
}: {
  decision: DecisionView;
  confirmAction: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const confirmation = decision.shareConfirmation;
  if (!confirmation && !decision.canConfirmShare) return null;
  return (
    <section className="no-print" aria-labelledby="share-confirmation-heading" data-testid="share-confirmation">
      <h2 id="share-confirmation-heading" className="govuk-heading-m">
        Confirm the share was done
      </h2>
      {confirmation ? (
        <SummaryList
          rows={[
            { key: "Shared on", value: formatDate(confirmation.sharedOn) },
            { key: "How", value: optionLabel("sharing-method", "method", confirmation.method) },
            {
              key: "Confirmed by",
              value: `${confirmation.confirmedBy}, ${formatDateTime(confirmation.recordedAt)}`,
            },
          ]}
        />
      ) : (
        <>
          <p className="govuk-body">Once you have shared the information, record when and how.</p>
          <ActionForm action={confirmAction} fields={FIELDS} submitLabel="Confirm the share" tone="secondary" />
        </>
      )}
    </section>
  );
}
