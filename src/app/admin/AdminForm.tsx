"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DefinedField, topLevelFields } from "@/components/DefinedField";
import { FORM_ERROR_KEY, type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import type { FieldDefinition } from "@/domain/wizard";

/**
 * A form for one admin action, its fields described as data and filled with the current values
 * (what was posted, after an error). Works without JavaScript: a plain post whose state comes back
 * with the page; on success the action redirects.
 */
export function AdminForm({
  action,
  fields,
  current = {},
  hidden = {},
  submitLabel,
  tone = "primary",
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: readonly FieldDefinition[];
  current?: Record<string, string>;
  hidden?: Record<string, string>;
  submitLabel: string;
  tone?: "primary" | "secondary" | "warning";
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const errors = new Map(state.errors.map((e) => [e.field, e.message]));
  const formError = errors.get(FORM_ERROR_KEY);
  const tones = { primary: "", secondary: "govuk-button-secondary", warning: "govuk-button-warning" };
  return (
    <>
      <ErrorSummary
        errors={state.errors.map((e) =>
          e.field === FORM_ERROR_KEY ? { ...e, field: fields[0]?.name ?? "submit" } : e,
        )}
      />
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {formError ? <p className="govuk-error-message">{formError}</p> : null}
        {topLevelFields(fields).map((field) => (
          <DefinedField
            key={`${field.name}-${state.errors.length}`}
            field={field}
            fields={fields}
            values={state.values ?? current}
            errors={errors}
          />
        ))}
        <button
          type="submit"
          id="submit"
          className={`govuk-button ${tones[tone]}`}
          disabled={pending}
          aria-disabled={pending}
        >
          {submitLabel}
        </button>
      </form>
    </>
  );
}
