import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { PageHeading } from "@/components/layout-bits";

export const metadata: Metadata = { title: "Administration" };

/** The admin's pages, each with what it is for. Other admin pages add a line here. */
const SECTIONS: { href: string; title: string; description: string }[] = [
  {
    href: "/admin/organisation",
    title: "Organisation profile",
    description: "Your organisation's name and kind. The kind decides which lawful bases your people are offered.",
  },
  { href: "/admin/teams", title: "Teams", description: "Create, rename and archive teams." },
  {
    href: "/admin/users",
    title: "People",
    description: "Find people, change their role and team, and deactivate or reactivate their accounts.",
  },
  {
    href: "/admin/invitations",
    title: "Invitations",
    description: "Invite people by email, one at a time or from a CSV file; resend or withdraw an invitation.",
  },
  {
    href: "/admin/local-arrangements",
    title: "Local arrangements",
    description: "Information sharing agreements, the local escalation route and advice contacts.",
  },
  {
    href: "/admin/single-sign-on",
    title: "Single sign-on",
    description: "Sign in through your organisation's OpenID Connect provider, such as Entra ID or Google Workspace.",
  },
  {
    href: "/admin/partnership",
    title: "Safeguarding partnership",
    description: "Response times for requests between partners, member organisations and their contact teams.",
  },
  {
    href: "/admin/bank-holidays",
    title: "Bank holidays",
    description: "The England and Wales bank holidays that partners' response clocks skip.",
  },
  { href: "/settings", title: "Review and retention settings", description: "Review-by days and retention period." },
];

export default async function AdminHubPage() {
  const admin = await requirePermission("users.manage");
  return (
    <div className="max-w-[760px]">
      <PageHeading caption={admin.organisationName}>Administration</PageHeading>
      <p className="govuk-body">Every change you make here is recorded in the audit log.</p>
      <ul className="govuk-list" data-testid="admin-sections">
        {SECTIONS.map((section) => (
          <li key={section.href} className="mb-6 border-b border-govuk-border pb-4">
            <h2 className="govuk-heading-m mb-2!">
              <Link href={section.href}>{section.title}</Link>
            </h2>
            <p className="govuk-body mb-0!">{section.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
