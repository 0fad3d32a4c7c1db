"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { EmailInput, SubmitButton } from "@/components/form-controls";
import { ChoiceGroup, TextInput } from "@/components/form-fields";
import { useActionForm } from "@/components/use-action-form";
import { inviteUserAction } from "./actions";

export function InviteForm({
  roles,
  teams,
}: {
  roles: { value: string; label: string }[];
  teams: { value: string; label: string }[];
}) {
  const { state, formAction, pending, field, formKey } = useActionForm(inviteUserAction);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate key={formKey}>
        <TextInput label="Full name" {...field("name")} />
        <EmailInput autoComplete="off" {...field("email")} />
        <ChoiceGroup type="radio" label="Role" options={roles} {...field("role")} />
        <ChoiceGroup
          type="radio"
          label="Team"
          hint="Supervisors review the decisions of their own team."
          options={[{ value: "", label: "No team" }, ...teams]}
          {...field("teamId")}
        />
        <SubmitButton pending={pending}>Send invitation</SubmitButton>
      </form>
    </>
  );
}
