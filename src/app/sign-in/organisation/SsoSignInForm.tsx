"use client";
import { useActionState, useEffect } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { startSsoSignInAction } from "./actions";

export function SsoSignInForm({ callbackUrl, problem }: { callbackUrl: string | null; problem: string | null }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(startSsoSignInAction, INITIAL_FORM_STATE);
  const errors = state.errors.length > 0 || !problem ? state.errors : [{ field: "email", message: problem }];
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  const continueTo = typeof state.values?.continueTo === "string" ? state.values.continueTo : null;
  useEffect(() => {
    if (continueTo) window.location.assign(continueTo);
  }, [continueTo]);
  if (continueTo) {
    return (
      <>
        <h1 className="govuk-heading-l">Continue to your organisation’s sign-in page</h1>
        <p className="govuk-body">
          <a href={continueTo} className="govuk-button">
            Continue
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Sign in with your organisation’s account</h1>
      <p className="govuk-body">
        Enter your work email address. If your organisation has set up single sign-on, you will go to its sign-in page.
      </p>
      <form action={formAction} noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={email}
          error={errors.find((e) => e.field === "email")?.message}
          key={`email-${errors.length}`}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}
