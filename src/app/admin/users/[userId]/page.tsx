import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ROLES, ROLE_LABELS } from "@/domain/policy";
import { NO_TEAM } from "@/schemas/administration";
import { getPerson } from "@/server/admin/get-person";
import { listTeams } from "@/server/admin/list-teams";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { formatDateTime } from "@/components/format";
import { BackLink, PageHeading, SuccessBanner, SummaryList, Tag } from "@/components/layout-bits";
import { ActionForm } from "@/components/ActionForm";
import { type PageProps, doneNotice } from "@/app/page-props";
import { PERSON_NOTICES } from "../notices";
import { changePersonAssignmentAction } from "../actions";
import { UserAccessForm } from "../UserAccessForm";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params, searchParams }: PageProps<{ userId: string }>) {
  const admin = await requirePermission("users.manage");
  const person = await getPerson(admin, (await params).userId, await requestMeta());
  if (!person) notFound();
  const teams = await listTeams(admin);
  const notice = doneNotice(await searchParams, PERSON_NOTICES);
  const isSelf = person.id === admin.userId;
  // An archived team takes no new members, but whoever is in one may stay there.
  const teamOptions = teams.filter((team) => !team.archived || team.id === person.teamId);
  return (
    <div className="max-w-[760px]">
      <BackLink href="/admin/users">People</BackLink>
      <SuccessBanner message={notice} testId="person-notice" />
      <PageHeading caption={isSelf ? "Person (you)" : "Person"}>
        <span className="break-words">{person.name}</span>
      </PageHeading>
      <SummaryList
        rows={[
          { key: "Email", value: <span className="break-all">{person.email}</span> },
          { key: "Job title", value: person.jobTitle ?? "Not given" },
          { key: "Role", value: ROLE_LABELS[person.role] },
          {
            key: "Team",
            value: person.teamName ? `${person.teamName}${person.teamArchived ? " (archived)" : ""}` : "No team",
          },
          {
            key: "Status",
            value: person.active ? (
              <Tag colour="green">Active</Tag>
            ) : (
              <>
                <Tag colour="grey">Deactivated</Tag>
                {person.deactivatedAt ? ` since ${formatDateTime(person.deactivatedAt)}` : null}
              </>
            ),
          },
        ]}
      />

      <h2 className="govuk-heading-m">Change role and team</h2>
      <p className="govuk-body">
        A change applies from their next page. Decisions they have already recorded stay with the team they were made
        in.
      </p>
      <ActionForm
        action={changePersonAssignmentAction}
        hidden={{ userId: person.id }}
        initialValues={{ role: person.role, teamId: person.teamId ?? NO_TEAM }}
        fields={[
          {
            name: "role",
            kind: "radios",
            label: "Role",
            options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
          },
          {
            name: "teamId",
            kind: "radios",
            label: "Team",
            hint: "Archived teams take no new members.",
            options: [
              ...teamOptions.map((team) => ({
                value: team.id,
                label: `${team.name}${team.archived ? " (archived)" : ""}`,
              })),
              { value: NO_TEAM, label: "No team" },
            ],
          },
        ]}
        submitLabel="Save role and team"
      />

      <h2 className="govuk-heading-m">Second factor</h2>
      <p className="govuk-body">
        If {person.name} has lost their authenticator app, passkeys and recovery codes, reset their second factor. Their
        sessions end and they set up a new one at their next sign-in.
      </p>
      {isSelf ? (
        <p className="govuk-body">You cannot reset your own second factor: ask another administrator.</p>
      ) : (
        <p className="govuk-body">
          <Link href={`/admin/second-factor/${person.id}`}>
            Reset second factor<span className="sr-only"> for {person.name}</span>
          </Link>
        </p>
      )}

      <h2 className="govuk-heading-m">Account access</h2>
      {person.active ? (
        <>
          <p className="govuk-body">
            {isSelf
              ? "Deactivating your account signs you out everywhere at once. "
              : "Deactivating their account signs them out everywhere at once. "}
            Nobody can sign in to it until an admin reactivates it. Records and audit history are kept.
          </p>
          <Link
            href={`/admin/users/${person.id}/deactivate`}
            className="govuk-button govuk-button-warning"
            role="button"
            draggable="false"
          >
            Deactivate account
          </Link>
        </>
      ) : (
        <>
          <p className="govuk-body">Reactivating lets them sign in again with their existing password.</p>
          <UserAccessForm userId={person.id} access="enable" submitLabel="Reactivate account" />
        </>
      )}
    </div>
  );
}
