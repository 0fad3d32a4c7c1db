import type { Metadata } from "next";
import { TEAM_NAME_MAX_LENGTH } from "@/schemas/administration";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink, PageHeading } from "@/components/layout-bits";
import { ActionForm } from "@/components/ActionForm";
import { createTeamAction } from "../actions";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  await requirePermission("teams.manage");
  return (
    <div className="max-w-[640px]">
      <BackLink href="/admin/teams">Teams</BackLink>
      <PageHeading caption="Teams">Create a team</PageHeading>
      <ActionForm
        action={createTeamAction}
        fields={[
          {
            name: "name",
            kind: "text",
            label: "Team name",
            hint: "Each team in your organisation needs its own name, whatever its capital letters.",
            maxLength: TEAM_NAME_MAX_LENGTH,
          },
        ]}
        submitLabel="Create team"
      />
    </div>
  );
}
