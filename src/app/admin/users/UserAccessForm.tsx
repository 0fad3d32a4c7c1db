"use client";
import { useActionState } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { setUserAccessAction } from "./actions";
import { TableHead } from "@/components/layout-bits";

export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  roleLabel: string;
  teamName: string | null;
  disabled: boolean;
  isSelf: boolean;
}

export function UserAccessTable({ users }: { users: ManagedUser[] }) {
  const [state, formAction] = useActionState<FormState, FormData>(setUserAccessAction, INITIAL_FORM_STATE);
  return (
    <>
      <div aria-live="polite">
        {state.notice ? (
          <p className="govuk-body border-l-[5px] border-govuk-success pl-4 font-bold" data-testid="access-message">
            {state.notice}
          </p>
        ) : null}
        {state.errors.map((error) => (
          <p key={error.field} className="govuk-error-message">
            {error.message}
          </p>
        ))}
      </div>
      <table className="govuk-table">
        <caption className="govuk-heading-s text-left">Users in your organisation</caption>
        <TableHead columns={["Name", "Role", "Team", "Status"]} action />
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.name}
                <br />
                <span className="text-govuk-secondary">{user.email}</span>
              </td>
              <td>{user.roleLabel}</td>
              <td>{user.teamName ?? "None"}</td>
              <td>{user.disabled ? "Disabled" : "Active"}</td>
              <td>
                {user.isSelf ? null : (
                  // Second factor (decision 021): reset from its own confirmation page.
                  <a href={`/admin/second-factor/${user.id}`} className="govuk-link mb-2 block">
                    Reset second factor<span className="sr-only"> of {user.name}</span>
                  </a>
                )}
                {user.isSelf ? null : (
                  <form action={formAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="access" value={user.disabled ? "enable" : "disable"} />
                    <button type="submit" className="govuk-link-button">
                      {user.disabled ? "Enable" : "Disable"}
                      <span className="sr-only"> {user.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
