import type { Metadata } from "next";
import { ROLE_LABELS, type Role } from "@/domain/policy";
import { requirePermission } from "@/server/auth/current-actor";
import { listOrganisationUsers } from "@/server/set-user-access";
import { NotificationBanner, PageHeading } from "@/components/layout-bits";
import { UserAccessTable } from "./UserAccessForm";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePermission("users.manage");
  const users = await listOrganisationUsers(admin);
  const reset = (await searchParams).reset;
  return (
    <>
      {typeof reset === "string" ? (
        <NotificationBanner kind="success" title="Success">
          <p className="font-bold">
            {reset}’s second factor has been reset and their sessions ended. They will set one up at their next sign-in.
          </p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={admin.organisationName}>Users</PageHeading>
      <p className="govuk-body">
        Disabling a user ends their sessions straight away. Their records and audit history are kept.
      </p>
      <UserAccessTable
        users={users.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role as Role], isSelf: u.id === admin.userId }))}
      />
    </>
  );
}
