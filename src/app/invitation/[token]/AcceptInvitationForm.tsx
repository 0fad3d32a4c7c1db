"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { SubmitButton } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { NewPasswordFields } from "../../password-reset/NewPasswordFields";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { state, formAction, pending, errorFor } = useActionForm(acceptInvitationAction);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errorFor={errorFor} />
        <SubmitButton pending={pending}>Create your account</SubmitButton>
      </form>
    </>
  );
}
