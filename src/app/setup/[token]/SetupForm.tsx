"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { ChoiceGroup, TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { NewPasswordFields } from "../../password-reset/NewPasswordFields";
import { completeSetupAction } from "../actions";

export function SetupForm({ token, kinds }: { token: string; kinds: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(completeSetupAction, INITIAL_FORM_STATE);
  const value = (field: string) => (typeof state.values?.[field] === "string" ? (state.values[field] as string) : "");
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Set up InfoShare</h1>
      <p className="govuk-body">
        Create your organisation and its first administrator. The administrator then invites everyone else.
      </p>
      <form action={formAction} noValidate key={state.errors.length}>
        <input type="hidden" name="token" value={token} />
        <h2 className="govuk-heading-m">Your organisation</h2>
        <TextInput
          name="organisationName"
          label="Organisation name"
          defaultValue={value("organisationName")}
          error={errorFor("organisationName")}
          autoComplete="organization"
        />
        <ChoiceGroup
          name="kind"
          type="radio"
          label="What kind of organisation is it?"
          hint="It decides which lawful bases InfoShare offers: public authorities share under their public tasks."
          options={kinds}
          defaultValue={value("kind")}
          error={errorFor("kind")}
        />
        <h2 className="govuk-heading-m">The first administrator</h2>
        <TextInput
          name="name"
          label="Full name"
          defaultValue={value("name")}
          error={errorFor("name")}
          autoComplete="name"
        />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          spellCheck={false}
          autoComplete="email"
          defaultValue={value("email")}
          error={errorFor("email")}
        />
        <NewPasswordFields errorFor={errorFor} />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Create organisation and administrator
        </button>
      </form>
    </>
  );
}
