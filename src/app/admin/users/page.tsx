import type { Metadata } from "next";
import { ROLE_LABELS, type Role } from "@/domain/policy";
import { requirePermission } from "@/server/auth/current-actor";
import { listOrganisationUsers } from "@/server/set-user-access";
import { PageHeading } from "@/components/layout-bits";
import { UserAccessTable } from "./UserAccessForm";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePermission("users.manage");
  const users = await listOrganisationUsers(admin);
  return (
    <>
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
