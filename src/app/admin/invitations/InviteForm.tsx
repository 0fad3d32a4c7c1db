"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { ChoiceGroup, TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { inviteUserAction } from "./actions";

export function InviteForm({
  roles,
  teams,
}: {
  roles: { value: string; label: string }[];
  teams: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(inviteUserAction, INITIAL_FORM_STATE);
  const value = (field: string) => (typeof state.values?.[field] === "string" ? (state.values[field] as string) : "");
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate key={state.errors.length}>
        <TextInput name="name" label="Full name" defaultValue={value("name")} error={errorFor("name")} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          spellCheck={false}
          defaultValue={value("email")}
          error={errorFor("email")}
        />
        <ChoiceGroup
          name="role"
          type="radio"
          label="Role"
          options={roles}
          defaultValue={value("role")}
          error={errorFor("role")}
        />
        <ChoiceGroup
          name="teamId"
          type="radio"
          label="Team"
          hint="Supervisors review the decisions of their own team."
          options={[{ value: "", label: "No team" }, ...teams]}
          defaultValue={value("teamId")}
          error={errorFor("teamId")}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Send invitation
        </button>
      </form>
    </>
  );
}
