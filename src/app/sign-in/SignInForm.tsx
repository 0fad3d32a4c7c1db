"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(signInAction, INITIAL_FORM_STATE);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Sign in to InfoShare</h1>
      <form action={formAction} noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={email}
          error={errorFor("email")}
          key={`email-${state.errors.length}`}
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errorFor("password")}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Sign in
        </button>
      </form>
    </>
  );
}
