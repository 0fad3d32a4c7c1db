"use client";
import { useActionState } from "react";
import type { FieldDefinition } from "@/domain/wizard";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DefinedFields, type FieldValues, topLevelFields } from "@/components/DefinedField";
import { FORM_ERROR_KEY, type FormState, INITIAL_FORM_STATE } from "@/domain/errors";

/**
 * `action` is saveStepAction bound to the draft and step by the page (a Server Component). It must
 * not be bound here: a reference bound during render is new on every render, and when a form posted
 * without JavaScript comes back with errors, React's server render compares the posted action with
 * it, suspends on the new reference's bound arguments, renders again, and so loops for ever.
 */
export function StepForm({
  action,
  title,
  hint,
  fields,
  savedAnswer,
  submitLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  title: string;
  hint?: string;
  fields: readonly FieldDefinition[];
  savedAnswer: FieldValues;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
  const values: FieldValues = state.values ?? savedAnswer;
  const errors = new Map(state.errors.map((e) => [e.field, e.message]));
  const singleQuestion = topLevelFields(fields).length === 1;
  const formError = errors.get(FORM_ERROR_KEY);

  return (
    <>
      <ErrorSummary
        errors={state.errors.map((e) => ({
          field: e.field === FORM_ERROR_KEY ? "step-form" : e.field,
          message: e.message,
        }))}
        pageTitle={title}
      />
      {singleQuestion ? null : (
        <>
          <h1 className="govuk-heading-l">{title}</h1>
          {hint ? <p className="govuk-hint">{hint}</p> : null}
        </>
      )}
      <form id="step-form" action={formAction} noValidate tabIndex={-1} className="focus:outline-none">
        {formError ? <p className="govuk-error-message">{formError}</p> : null}
        <DefinedFields fields={fields} values={values} errors={errors} heading={{ title, hint }} />
        <button
          type="submit"
          className="govuk-button"
          disabled={pending}
          aria-disabled={pending}
          data-testid="continue"
        >
          {submitLabel}
        </button>
      </form>
    </>
  );
}
