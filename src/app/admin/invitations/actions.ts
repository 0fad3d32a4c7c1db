"use server";
import { revalidatePath } from "next/cache";
import { changeInvitation } from "@/server/accounts/change-invitation";
import { importInvitations, previewInvitationImport } from "@/server/accounts/import-invitations";
import { inviteUser } from "@/server/accounts/invite-user";
import { INITIAL_FORM_STATE } from "@/domain/errors";
import { formAction, goTo, postAction } from "@/server/pipeline/action";

export const inviteUserAction = formAction(
  { access: "users.invite" },
  ({ user, fields, meta }) => inviteUser(user, fields, meta),
  { done: () => goTo("/admin/invitations?done=invited") },
);

export const resendInvitationAction = postAction(
  { access: "users.invite" },
  ({ user, fields, meta }) => changeInvitation(user, "resend", fields, meta),
  { done: () => goTo("/admin/invitations?done=resent") },
);

export const revokeInvitationAction = postAction(
  { access: "users.invite" },
  ({ user, fields, meta }) => changeInvitation(user, "revoke", fields, meta),
  { done: () => goTo("/admin/invitations?done=revoked") },
);

/** The CSV from the file chosen, or else the text pasted (a file input posts a File, not a field). */
async function csvFrom(formData: FormData, fields: Record<string, string | string[]>): Promise<{ csv: unknown }> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0)
    return { csv: file.size > 200_000 ? "x".repeat(200_001) : await file.text() };
  return { csv: fields.csv };
}

/** Checks every row and writes nothing: the rows come back in the form's state to show as a preview. */
export const previewImportAction = formAction(
  { access: "users.invite" },
  async ({ user, fields, formData }) => previewInvitationImport(user, await csvFrom(formData, fields)),
  {
    done: (result, { fields, formData }) =>
      csvFrom(formData, fields).then(({ csv }) => ({
        ...INITIAL_FORM_STATE,
        values: { csv: String(csv ?? ""), preview: JSON.stringify(result.rows) },
        notice: `${result.valid} ${result.valid === 1 ? "person" : "people"} can be invited; ${result.invalid} ${
          result.invalid === 1 ? "row has" : "rows have"
        } problems.`,
      })),
    refill: ({ csv }) => ({ csv: typeof csv === "string" ? csv : "" }),
  },
);

export const importInvitationsAction = formAction(
  { access: "users.invite" },
  ({ user, fields, meta }) => importInvitations(user, { csv: fields.csv }, meta),
  {
    done: (result) => {
      revalidatePath("/admin/invitations");
      return goTo(`/admin/invitations?done=imported&count=${result.invited}`);
    },
  },
);
