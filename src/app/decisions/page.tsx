import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { PageHeading } from "@/components/layout-bits";

export const metadata: Metadata = { title: "Your decisions" };

export default async function YourDecisionsPage() {
  const user = await requirePermission("decision.list-own");
  return (
    <>
      <PageHeading caption={user.organisationName}>Your decisions</PageHeading>
      <Link href="/decisions/new" className="govuk-button govuk-button-start" role="button" draggable={false}>
        Record a decision
        <svg aria-hidden="true" focusable="false" width="17.5" height="19" viewBox="0 0 33 40">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      </Link>
      <p className="govuk-body" data-testid="decisions-empty">You have not recorded any decisions yet.</p>
    </>
  );
}
