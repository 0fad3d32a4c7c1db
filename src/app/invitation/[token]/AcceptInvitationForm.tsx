"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { NewPasswordFields } from "../../password-reset/NewPasswordFields";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(acceptInvitationAction, INITIAL_FORM_STATE);
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errorFor={errorFor} />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Create your account
        </button>
      </form>
    </>
  );
}
