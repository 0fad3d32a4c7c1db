import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { organisationRequiresSecondFactor } from "@/server/second-factor/second-factor-state";
import { PageHeading, SuccessBanner } from "@/components/layout-bits";
import { RequirementForm } from "./RequirementForm";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Second factor settings" };

export default async function SecondFactorSettingsPage({ searchParams }: PageProps) {
  const user = await requirePermission("settings.manage");
  const required = await organisationRequiresSecondFactor(user.organisationId);
  const notice = doneNotice(await searchParams, { saved: "Saved. It applies from each person’s next sign-in." });
  return (
    <div className="max-w-[640px]">
      <SuccessBanner message={notice} />
      <PageHeading caption={user.organisationName}>Second factor</PageHeading>
      <p className="govuk-body">
        A second factor (an authenticator app or a passkey) stops someone who has learned a password from signing in.
        The Department for Education’s digital standards and the NHS Data Security and Protection Toolkit expect it for
        anyone who can see personal data. Administrators and information governance leads always need one.
      </p>
      <RequirementForm required={required} />
    </div>
  );
}
