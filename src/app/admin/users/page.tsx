import type { Metadata } from "next";
import Link from "next/link";
import { ROLES, ROLE_LABELS } from "@/domain/policy";
import { NO_TEAM, peopleFilterSchema } from "@/schemas/administration";
import { listPeople } from "@/server/admin/list-people";
import { listTeams } from "@/server/admin/list-teams";
import { requirePermission } from "@/server/auth/current-actor";
import { FilterActions, FilterInput, FilterSelect } from "@/components/filter-fields";
import { BackLink, PageHeading, SuccessBanner, TableHead, TableRegion, Tag } from "@/components/layout-bits";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: PageProps) {
  const admin = await requirePermission("users.manage");
  const filter = peopleFilterSchema.parse(await searchParams);
  const [{ people, more }, teams] = await Promise.all([listPeople(admin, filter), listTeams(admin)]);
  const filtered = Boolean(filter.q || filter.role || filter.team || filter.status);
  // After a second-factor reset (decision 021), whose it was.
  const reset = (await searchParams).reset;
  return (
    <>
      <BackLink href="/admin">Administration</BackLink>
      <SuccessBanner
        message={
          typeof reset === "string" ? (
            <>
              {reset}’s second factor has been reset and their sessions ended. They will set one up at their next
              sign-in.
            </>
          ) : undefined
        }
      />
      <PageHeading caption={admin.organisationName}>People</PageHeading>
      <p className="govuk-body max-w-[760px]">
        Open a person to change their role or team, or to deactivate their account. Deactivating someone ends their
        sessions straight away; their records and audit history are kept.
      </p>

      <form method="get" action="/admin/users" className="mb-8 bg-govuk-light-grey p-4" role="search">
        <h2 className="govuk-heading-s">Find people</h2>
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <div>
            <FilterInput name="q" label="Name or email" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
          </div>
          <div>
            <FilterSelect
              name="role"
              label="Role"
              value={filter.role}
              anyLabel="Any role"
              options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            />
          </div>
          <div>
            <FilterSelect name="team" label="Team" value={filter.team} anyLabel="Any team">
              <option value={NO_TEAM}>No team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                  {team.archived ? " (archived)" : ""}
                </option>
              ))}
            </FilterSelect>
          </div>
          <div>
            <FilterSelect name="status" label="Status" value={filter.status} anyLabel="Any status">
              <option value="active">Active</option>
              <option value="deactivated">Deactivated</option>
            </FilterSelect>
          </div>
        </div>
        <FilterActions
          submitLabel="Show people"
          clearHref="/admin/users"
          filtered={filtered}
          className="mt-6 flex flex-wrap items-baseline gap-x-6"
          clearClassName="govuk-body"
        />
      </form>

      <p className="govuk-body" aria-live="polite" data-testid="people-count">
        {people.length === 0
          ? "Nobody matches."
          : `${more ? `The first ${people.length}` : people.length} ${people.length === 1 ? "person" : "people"}` +
            `${filtered ? " match" : ""}${more ? ": narrow your search to see the rest" : ""}.`}
      </p>
      {people.length > 0 ? (
        <TableRegion label="People (scrolls sideways)">
          <table className="govuk-table mb-0!" data-testid="people-table">
            <caption className="sr-only">People in your organisation</caption>
            <TableHead columns={["Name", "Role", "Team", "Status"]} />
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link href={`/admin/users/${person.id}`}>{person.name}</Link>
                    <br />
                    <span className="break-all text-govuk-secondary">{person.email}</span>
                  </td>
                  <td>{ROLE_LABELS[person.role]}</td>
                  <td>{person.teamName ?? "No team"}</td>
                  <td>{person.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}
