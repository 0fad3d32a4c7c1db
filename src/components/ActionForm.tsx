"use client";
import { useActionState } from "react";
import { FORM_ERROR_KEY, type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import type { FieldDefinition } from "@/domain/wizard";
import { ErrorSummary } from "./ErrorSummary";
import { DefinedFields } from "./DefinedField";
import { SubmitButton } from "./form-controls";

/**
 * A form for one server action, its fields described as data and filled with what was posted
 * after an error, else `initialValues` (changing a saved item). Works without JavaScript: the
 * action's state comes back with the page. On success the action redirects. A whole-form error
 * links to the first field, or to the button when there is none.
 */
export function ActionForm({
  action,
  fields,
  hidden = {},
  submitLabel,
  tone = "primary",
  heading,
  initialValues,
  pageTitle,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: readonly FieldDefinition[];
  hidden?: Record<string, string>;
  submitLabel: string;
  tone?: "primary" | "secondary" | "warning";
  heading?: { title: string; hint?: string };
  /** What the fields hold before anything is posted (changing a saved item). */
  initialValues?: Record<string, string>;
  /** The page's metadata title, for the "Error: " title without JavaScript (see ErrorSummary). */
  pageTitle?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const errors = new Map(state.errors.map((e) => [e.field, e.message]));
  const formError = errors.get(FORM_ERROR_KEY);
  return (
    <>
      <ErrorSummary
        errors={state.errors.map((e) =>
          e.field === FORM_ERROR_KEY ? { ...e, field: fields[0]?.name ?? "submit" } : e,
        )}
        pageTitle={pageTitle}
      />
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {formError ? <p className="govuk-error-message">{formError}</p> : null}
        {/* Remounted after a post with errors, so that the fields show what was posted (defaultValue). */}
        <DefinedFields
          key={state.errors.length}
          fields={fields}
          values={state.values ?? initialValues ?? {}}
          errors={errors}
          heading={heading}
        />
        <SubmitButton pending={pending} tone={tone} id="submit">
          {submitLabel}
        </SubmitButton>
      </form>
    </>
  );
}
