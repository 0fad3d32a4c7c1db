"use client";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { ErrorSummary } from "@/components/ErrorSummary";

/** `action` is recordDecisionAction bound to the draft by the page: see StepForm for why not here. */
export function RecordDecisionForm({
  action,
  label,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  return (
    <>
      {/* Each problem links to the step that answers it (`href`), not to a field on this page. */}
      <ErrorSummary errors={state.errors} />
      <form action={formAction}>
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          {label}
        </button>
      </form>
    </>
  );
}
