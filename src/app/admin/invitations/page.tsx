import type { Metadata } from "next";
import Link from "next/link";
import { ROLES, ROLE_LABELS } from "@/domain/policy";
import { requirePermission } from "@/server/auth/current-actor";
import { listInvitations } from "@/server/accounts/list-invitations";
import { organisationTeams } from "@/server/accounts/invitations";
import { PageHeading, SuccessBanner, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { LinkButtonForm } from "@/components/LinkButtonForm";
import { InviteForm } from "./InviteForm";
import { resendInvitationAction, revokeInvitationAction } from "./actions";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Invitations" };

const DONE: Record<string, string> = {
  invited: "Invitation sent. The link works once and expires in 7 days.",
  resent: "Invitation sent again with a new link. The old link no longer works.",
  revoked: "Invitation withdrawn. Its link no longer works.",
};

const STATUS_TAGS = {
  pending: <Tag colour="blue">Pending</Tag>,
  accepted: <Tag colour="green">Accepted</Tag>,
  revoked: <Tag colour="grey">Withdrawn</Tag>,
  expired: <Tag colour="yellow">Expired</Tag>,
};

export default async function InvitationsPage({ searchParams }: PageProps) {
  const admin = await requirePermission("users.invite");
  const params = await searchParams;
  const [invitations, teams] = await Promise.all([listInvitations(admin), organisationTeams(admin.organisationId)]);
  const done =
    params.done === "imported" ? `Invitations sent to ${Number(params.count) || 0} people.` : doneNotice(params, DONE);
  return (
    <>
      <SuccessBanner message={done} />
      <PageHeading caption={admin.organisationName}>Invitations</PageHeading>
      <p className="govuk-body">
        Invite people by email. They get a one-time link to set their password, valid for 7 days. To invite many people
        at once, <Link href="/admin/invitations/import">import a CSV file</Link>.
      </p>
      <div className="max-w-[640px]">
        <h2 className="govuk-heading-m">Invite someone</h2>
        <InviteForm
          roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          teams={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      </div>
      <h2 className="govuk-heading-m">Sent invitations</h2>
      {invitations.length === 0 ? (
        <p className="govuk-body">No invitations yet.</p>
      ) : (
        <ul className="govuk-list" data-testid="invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="border-b border-govuk-border py-3">
              <p className="mb-1 font-bold break-words">
                {invitation.name} {STATUS_TAGS[invitation.status]}
              </p>
              <p className="mb-1 break-words text-govuk-secondary">{invitation.email}</p>
              <p className="mb-1">
                {ROLE_LABELS[invitation.role]}
                {invitation.teamName ? `, ${invitation.teamName}` : ""}.{" "}
                {invitation.status === "pending" ? `Expires ${formatDateTime(invitation.expiresAt)}.` : null}
              </p>
              {invitation.status === "pending" || invitation.status === "expired" ? (
                <div className="flex flex-wrap gap-x-6">
                  <LinkButtonForm
                    action={resendInvitationAction}
                    hidden={{ invitationId: invitation.id }}
                    label="Resend"
                    itemName={`the invitation to ${invitation.name}`}
                  />
                  <LinkButtonForm
                    action={revokeInvitationAction}
                    hidden={{ invitationId: invitation.id }}
                    label="Withdraw"
                    itemName={`the invitation to ${invitation.name}`}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
