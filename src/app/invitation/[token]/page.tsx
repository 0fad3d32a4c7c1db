import type { Metadata } from "next";
import Link from "next/link";
import { loadInvitation } from "@/server/accounts/accept-invitation";
import { SummaryList } from "@/components/layout-bits";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await loadInvitation(token);
  if (!invitation) {
    return (
      <div className="max-w-[640px]">
        <h1 className="govuk-heading-l">This invitation link cannot be used</h1>
        <p className="govuk-body">
          It has expired, has been used, or has been withdrawn. Ask your InfoShare administrator to send a new one.
        </p>
        <p className="govuk-body">
          If you have already set your password, <Link href="/sign-in">sign in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-[640px]">
      <h1 className="govuk-heading-l">Create your InfoShare account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: invitation.name },
          { key: "Email address", value: invitation.email },
          { key: "Organisation", value: invitation.organisationName },
        ]}
      />
      <AcceptInvitationForm token={token} />
    </div>
  );
}
