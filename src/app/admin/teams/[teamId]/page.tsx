import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TEAM_NAME_MAX_LENGTH } from "@/schemas/administration";
import { getTeam } from "@/server/admin/get-team";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { BackLink, PageHeading, SuccessBanner, SummaryList, Tag } from "@/components/layout-bits";
import { ActionForm } from "@/components/ActionForm";
import { type PageProps, doneNotice } from "@/app/page-props";
import { TEAM_NOTICES } from "../notices";
import { renameTeamAction, setTeamArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params, searchParams }: PageProps<{ teamId: string }>) {
  const admin = await requirePermission("teams.manage");
  const team = await getTeam(admin, (await params).teamId, await requestMeta());
  if (!team) notFound();
  const notice = doneNotice(await searchParams, TEAM_NOTICES);
  return (
    <div className="max-w-[760px]">
      <BackLink href="/admin/teams">Teams</BackLink>
      <SuccessBanner message={notice} testId="team-notice" />
      <PageHeading caption="Team">
        <span className="break-words">{team.name}</span>
      </PageHeading>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: team.archived ? <Tag colour="grey">Archived</Tag> : <Tag colour="green">Active</Tag>,
          },
          { key: "Active people", value: String(team.activeMembers) },
        ]}
      />

      <h2 className="govuk-heading-m">People in this team</h2>
      {team.members.length === 0 ? (
        <p className="govuk-body">Nobody is in this team.</p>
      ) : (
        <ul className="govuk-list" data-testid="team-members">
          {team.members.map((member) => (
            <li key={member.id}>
              <Link href={`/admin/users/${member.id}`}>{member.name}</Link>
              {member.active ? null : " (deactivated)"}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">To move someone into or out of the team, change their team on their page.</p>

      <h2 className="govuk-heading-m">Rename the team</h2>
      <ActionForm
        action={renameTeamAction}
        hidden={{ teamId: team.id }}
        initialValues={{ name: team.name }}
        fields={[{ name: "name", kind: "text", label: "New team name", maxLength: TEAM_NAME_MAX_LENGTH }]}
        submitLabel="Rename team"
        tone="secondary"
      />

      <h2 className="govuk-heading-m">{team.archived ? "Unarchive the team" : "Archive the team"}</h2>
      <p className="govuk-body">
        {team.archived
          ? "Unarchiving lets people join the team again."
          : "Archiving keeps the team's records and its people, but nobody new can join it. " +
            "You can unarchive it later."}
      </p>
      <ActionForm
        action={setTeamArchivedAction}
        hidden={{ teamId: team.id, archived: team.archived ? "no" : "yes" }}
        fields={[]}
        submitLabel={team.archived ? "Unarchive team" : "Archive team"}
        tone={team.archived ? "secondary" : "warning"}
      />
    </div>
  );
}
