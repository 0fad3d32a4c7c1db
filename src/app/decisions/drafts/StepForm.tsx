"use client";
import { useActionState } from "react";
import type { FieldDefinition } from "@/domain/wizard";
import { ErrorSummary } from "@/components/ErrorSummary";
import { ChoiceGroup, DateInput, TextInput, Textarea } from "@/components/form-fields";
import { type StepFormState, saveStepAction } from "../actions";

type Values = Record<string, unknown>;

function stringValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function listValue(values: Values, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? [value] : [];
}

function dateValue(values: Values, name: string) {
  const posted = { day: stringValue(values, `${name}-day`), month: stringValue(values, `${name}-month`), year: stringValue(values, `${name}-year`) };
  if (posted.day !== undefined || posted.month !== undefined || posted.year !== undefined)
    return { day: posted.day ?? "", month: posted.month ?? "", year: posted.year ?? "" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stringValue(values, name) ?? "");
  return iso ? { year: iso[1] ?? "", month: String(Number(iso[2])), day: String(Number(iso[3])) } : undefined;
}

function Field({
  field,
  fields,
  values,
  errors,
  heading,
}: {
  field: FieldDefinition;
  fields: readonly FieldDefinition[];
  values: Values;
  errors: Map<string, string>;
  heading?: { title: string; hint?: string };
}) {
  const label = heading ? heading.title : `${field.label}${field.optional ? " (optional)" : ""}`;
  const hint = heading ? (heading.hint ?? field.hint) : field.hint;
  const common = { name: field.name, label, hint, error: errors.get(field.name), asHeading: Boolean(heading) };
  switch (field.kind) {
    case "text":
      return <TextInput {...common} defaultValue={stringValue(values, field.name)} maxLength={field.maxLength} />;
    case "textarea":
      return <Textarea {...common} defaultValue={stringValue(values, field.name)} maxLength={field.maxLength} />;
    case "date":
      return <DateInput {...common} defaultValue={dateValue(values, field.name)} />;
    case "radios":
    case "checkboxes":
      return (
        <ChoiceGroup
          {...common}
          type={field.kind === "radios" ? "radio" : "checkbox"}
          defaultValue={field.kind === "radios" ? stringValue(values, field.name) : listValue(values, field.name)}
          options={(field.options ?? []).map((option) => ({
            value: option.value,
            label: option.label,
            hint: option.hint,
            conditional:
              option.revealsFields && option.revealsFields.length > 0 ? (
                <>
                  {option.revealsFields.map((name) => {
                    const revealed = fields.find((candidate) => candidate.name === name);
                    return revealed ? <Field key={name} field={revealed} fields={fields} values={values} errors={errors} /> : null;
                  })}
                </>
              ) : undefined,
          }))}
        />
      );
  }
}

export function StepForm({
  draftId,
  stepId,
  title,
  hint,
  fields,
  savedAnswer,
  returnToCheckAnswers,
  submitLabel,
}: {
  draftId: string;
  stepId: string;
  title: string;
  hint?: string;
  fields: readonly FieldDefinition[];
  savedAnswer: Values;
  returnToCheckAnswers: boolean;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<StepFormState, FormData>(
    saveStepAction.bind(null, draftId, stepId, returnToCheckAnswers),
    { errors: [], values: null },
  );
  const values: Values = state.values ?? savedAnswer;
  const errors = new Map(state.errors.map((e) => [e.field, e.message]));
  const revealed = new Set(fields.flatMap((f) => f.options?.flatMap((o) => o.revealsFields ?? []) ?? []));
  const topLevel = fields.filter((f) => !revealed.has(f.name));
  const singleQuestion = topLevel.length === 1;
  const formError = errors.get("_form");

  return (
    <>
      <ErrorSummary errors={state.errors.map((e) => ({ field: e.field === "_form" ? "step-form" : e.field, message: e.message }))} />
      {singleQuestion ? null : (
        <>
          <h1 className="govuk-heading-l">{title}</h1>
          {hint ? <p className="govuk-hint">{hint}</p> : null}
        </>
      )}
      <form id="step-form" action={formAction} noValidate tabIndex={-1} className="focus:outline-none">
        {formError ? <p className="govuk-error-message">{formError}</p> : null}
        {topLevel.map((field) => (
          <Field key={field.name} field={field} fields={fields} values={values} errors={errors} heading={singleQuestion ? { title, hint } : undefined} />
        ))}
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending} data-testid="continue">
          {submitLabel}
        </button>
      </form>
    </>
  );
}
