"use client";
import { useActionState, useEffect, useRef } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";

/** `action` is recordDecisionAction bound to the draft by the page: see StepForm for why not here. */
export function RecordDecisionForm({
  action,
  label,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.errors.length > 0) summary.current?.focus();
  }, [state.errors]);
  return (
    <>
      {state.errors.length > 0 ? (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby="record-problems"
          className="mb-8 border-[5px] border-govuk-error p-4"
          data-testid="error-summary"
        >
          <h2 id="record-problems" className="govuk-heading-m">
            There is a problem
          </h2>
          <ul className="govuk-list">
            {state.errors.map((error) => (
              <li key={`${error.href}-${error.message}`}>
                <a href={error.href} className="font-bold text-govuk-error! underline">
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form action={formAction}>
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          {label}
        </button>
      </form>
    </>
  );
}
