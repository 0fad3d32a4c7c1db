"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { resetSecondFactorAction } from "./actions";

export function ResetForm({ userId }: { userId: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(resetSecondFactorAction, INITIAL_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className="govuk-button govuk-button-warning" disabled={pending} aria-disabled={pending}>
          Reset second factor
        </button>
      </form>
    </>
  );
}
