import type { Metadata } from "next";
import Link from "next/link";
import { listTeams } from "@/server/admin/list-teams";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink, PageHeading, TableHead, Tag } from "@/components/layout-bits";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const admin = await requirePermission("teams.manage");
  const teams = await listTeams(admin);
  return (
    <div className="max-w-[760px]">
      <BackLink href="/admin">Administration</BackLink>
      <PageHeading caption="Administration">Teams</PageHeading>
      <p className="govuk-body">
        A supervisor reviews the decisions of their own team. An archived team keeps its records and its members but
        takes no new members.
      </p>
      <Link href="/admin/teams/new" className="govuk-button" role="button" draggable="false">
        Create a team
      </Link>
      {teams.length === 0 ? (
        <p className="govuk-body">Your organisation has no teams yet.</p>
      ) : (
        <table className="govuk-table" data-testid="teams-table">
          <caption className="govuk-heading-s text-left">Teams in your organisation</caption>
          <TableHead columns={["Team", "Active people", "Status"]} />
          <tbody>
            {teams.map((team) => (
              <tr key={team.id}>
                <td className="break-words">
                  <Link href={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td>{team.activeMembers}</td>
                <td>{team.archived ? <Tag colour="grey">Archived</Tag> : <Tag colour="green">Active</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
