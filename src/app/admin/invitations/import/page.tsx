import type { Metadata } from "next";
import { ROLE_LABELS } from "@/domain/policy";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink, PageHeading } from "@/components/layout-bits";
import { ImportForm } from "./ImportForm";

export const metadata: Metadata = { title: "Import people from a CSV file" };

export default async function ImportInvitationsPage() {
  const admin = await requirePermission("users.invite");
  return (
    <div className="max-w-[640px]">
      <BackLink href="/admin/invitations">Invitations</BackLink>
      <PageHeading caption={admin.organisationName}>Import people from a CSV file</PageHeading>
      <p className="govuk-body">
        Each row is checked first and any problems are shown against their row. Nothing is sent until you confirm; then
        everyone on a valid row is invited at once.
      </p>
      <ImportForm roleLabels={ROLE_LABELS} />
    </div>
  );
}
