"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { ChoiceGroup } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { setSecondFactorRequirementAction } from "./actions";

export function RequirementForm({ required }: { required: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setSecondFactorRequirementAction,
    INITIAL_FORM_STATE,
  );
  const error = state.errors.find((e) => e.field === "requireSecondFactor")?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate>
        <ChoiceGroup
          name="requireSecondFactor"
          label="Must everyone use a second factor when they sign in?"
          type="radio"
          error={error}
          defaultValue={required ? "yes" : "no"}
          options={[
            { value: "yes", label: "Yes, everyone (recommended)" },
            { value: "no", label: "No, only administrators and information governance leads" },
          ]}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Save
        </button>
      </form>
    </>
  );
}
