"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { ChoiceGroup, Textarea, TextInput } from "@/components/form-fields";
import { NotificationBanner } from "@/components/layout-bits";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { saveSsoConfigurationAction, testSsoConnectionAction } from "./actions";

export interface SsoFormValues {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  domains: string;
  allowJoinByDomain: boolean;
  joinRole: string;
  enforced: boolean;
  breakGlassEmail: string;
}

export function SsoConfigurationForm({ current, redirectUri }: { current: SsoFormValues; redirectUri: string | null }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    saveSsoConfigurationAction,
    INITIAL_FORM_STATE,
  );
  const errorFor = (name: string) => state.errors.find((e) => e.field === name)?.message;
  const posted = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : null);
  // After an error, the form shows what was posted (an unticked checkbox posts nothing).
  const ticked = (name: string, saved: boolean) => (state.values ? posted(name) === "yes" : saved);
  const key = `sso-${state.errors.length}`;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate key={key}>
        <TextInput
          name="issuer"
          label="Issuer URL"
          hint={
            "From your identity provider, for example " +
            "https://login.microsoftonline.com/<tenant ID>/v2.0 or https://accounts.google.com"
          }
          defaultValue={posted("issuer") ?? current.issuer}
          error={errorFor("issuer")}
          spellCheck={false}
        />
        <TextInput
          name="clientId"
          label="Client ID"
          defaultValue={posted("clientId") ?? current.clientId}
          error={errorFor("clientId")}
          spellCheck={false}
        />
        <TextInput
          name="clientSecret"
          label="Client secret"
          type="password"
          autoComplete="off"
          hint={
            current.clientSecretSet
              ? "A client secret is set. Leave this empty to keep it, or enter a new one to replace it."
              : "It is stored encrypted and never shown again."
          }
          error={errorFor("clientSecret")}
        />
        {redirectUri ? (
          <p className="govuk-body">
            Register this redirect URI with your identity provider: <code className="break-all">{redirectUri}</code>
          </p>
        ) : null}
        <Textarea
          name="domains"
          label="Email domains"
          hint="People whose email address ends in one of these sign in through your identity provider. One per line."
          defaultValue={posted("domains") ?? current.domains}
          error={errorFor("domains")}
          rows={3}
        />
        <ChoiceGroup
          name="allowJoinByDomain"
          label="Joining by domain"
          type="checkbox"
          error={errorFor("allowJoinByDomain")}
          defaultValue={ticked("allowJoinByDomain", current.allowJoinByDomain) ? "yes" : undefined}
          options={[
            {
              value: "yes",
              label: "Let people with these email domains join without an invitation",
              hint: "Otherwise only people who have an account or an invitation can sign in.",
            },
          ]}
        />
        <ChoiceGroup
          name="joinRole"
          label="Role for people who join by domain"
          type="radio"
          error={errorFor("joinRole")}
          defaultValue={posted("joinRole") ?? current.joinRole}
          options={[
            { value: "PRACTITIONER", label: "Practitioner" },
            { value: "SUPERVISOR", label: "Supervisor or designated safeguarding lead" },
          ]}
        />
        <ChoiceGroup
          name="enforced"
          label="Passwords"
          type="checkbox"
          error={errorFor("enforced")}
          defaultValue={ticked("enforced", current.enforced) ? "yes" : undefined}
          options={[
            {
              value: "yes",
              label: "Require single sign-on for everyone in your organisation",
              hint: "Passwords are refused, except for the break-glass admin below.",
            },
          ]}
        />
        <TextInput
          name="breakGlassEmail"
          label="Break-glass admin (optional unless single sign-on is required)"
          hint="An admin in your organisation who may still sign in with a password if the identity provider fails."
          type="email"
          defaultValue={posted("breakGlassEmail") ?? current.breakGlassEmail}
          error={errorFor("breakGlassEmail")}
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Save single sign-on settings
        </button>
      </form>
    </>
  );
}

export function TestConnectionForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(testSsoConnectionAction, INITIAL_FORM_STATE);
  return (
    <>
      {state.notice ? (
        <NotificationBanner kind="success" title="Success">
          <p className="font-bold">{state.notice}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={state.errors} />
      <form action={formAction}>
        <button
          type="submit"
          className="govuk-button govuk-button-secondary"
          disabled={pending}
          aria-disabled={pending}
        >
          Test connection
        </button>
      </form>
    </>
  );
}
