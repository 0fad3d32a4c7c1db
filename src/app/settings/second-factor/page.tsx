import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { organisationRequiresSecondFactor } from "@/server/second-factor/second-factor-state";
import { NotificationBanner, PageHeading } from "@/components/layout-bits";
import { RequirementForm } from "./RequirementForm";

export const metadata: Metadata = { title: "Second factor settings" };

export default async function SecondFactorSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("settings.manage");
  const required = await organisationRequiresSecondFactor(user.organisationId);
  const saved = (await searchParams).done === "saved";
  return (
    <div className="max-w-[640px]">
      {saved ? (
        <NotificationBanner kind="success" title="Success">
          <p className="font-bold">Saved. It applies from each person’s next sign-in.</p>
        </NotificationBanner>
      ) : null}
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
