import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { loadPersonForSecondFactorReset } from "@/server/second-factor/load-person-for-reset";
import { BackLink, PageHeading, WarningText } from "@/components/layout-bits";
import { ResetForm } from "./ResetForm";

export const metadata: Metadata = { title: "Reset second factor" };

/** GOV.UK "are you sure" page: the reset is a POST from here, so it works without JavaScript. */
export default async function ResetSecondFactorPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requirePermission("users.manage");
  const person = await loadPersonForSecondFactorReset(admin, (await params).userId);
  if (!person) notFound();
  return (
    <div className="max-w-[640px]">
      <BackLink href="/admin/users">Back to users</BackLink>
      <PageHeading caption={person.email}>Reset {person.name}’s second factor?</PageHeading>
      <p className="govuk-body">
        This removes their authenticator app, passkeys and recovery codes, and signs them out everywhere. The next time
        they sign in they will be asked to set up a second factor again.
      </p>
      <p className="govuk-body">
        Only do this when you are sure who is asking, for example in person or by calling them back on a number you
        already have.
      </p>
      <WarningText>The reset is recorded in the audit log.</WarningText>
      <ResetForm userId={person.id} />
      <p className="govuk-body">
        <Link href="/admin/users" className="govuk-link">
          Cancel
        </Link>
      </p>
    </div>
  );
}
