"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { updateSettingsAction } from "./actions";

const FIELDS = [
  { name: "reviewWithinDaysEmergency", label: "Days to review an emergency decision", suffix: "days" },
  {
    name: "reviewWithinDaysFlagged",
    label: "Days to review a flagged decision",
    hint: "Departures from the flowchart, decisions not to share, and shares without consent.",
    suffix: "days",
  },
  { name: "reviewWithinDaysRoutine", label: "Days to review any other decision", suffix: "days" },
  {
    name: "retentionYears",
    label: "Years to keep a record made before retention rules",
    hint:
      "Records made from 29 November 2026 follow the retention rules by record type (Retention, Retention rules). " +
      "This applies to records made before then.",
    suffix: "years",
  },
] as const;

export function SettingsForm({ current }: { current: Record<(typeof FIELDS)[number]["name"], number> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateSettingsAction, INITIAL_FORM_STATE);
  const errorFor = (name: string) => state.errors.find((e) => e.field === name)?.message;
  const valueFor = (name: (typeof FIELDS)[number]["name"]) => {
    const posted = state.values?.[name];
    return typeof posted === "string" ? posted : String(current[name]);
  };
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate>
        {FIELDS.map((field) => (
          <TextInput
            key={`${field.name}-${state.errors.length}`}
            name={field.name}
            label={field.label}
            hint={"hint" in field ? field.hint : undefined}
            error={errorFor(field.name)}
            defaultValue={valueFor(field.name)}
            width="short"
          />
        ))}
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Save settings
        </button>
      </form>
    </>
  );
}
