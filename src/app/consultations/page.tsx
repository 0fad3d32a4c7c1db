import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listOwnConsultations } from "@/server/consultations/list-own-consultations";
import { PageHeading } from "@/components/layout-bits";
import { formatDate } from "@/components/format";
import { ADVISER_KIND_LABELS } from "@/domain/consultation";

export const metadata: Metadata = { title: "Your consultations" };

export default async function YourConsultationsPage() {
  const user = await requirePermission("consultation.list-own");
  const consultations = await listOwnConsultations(user);
  return (
    <>
      <PageHeading caption={user.organisationName}>Your consultations</PageHeading>
      <p className="govuk-body max-w-[640px]">
        Advice you sought without naming the child: from your designated safeguarding lead, a MASH consultation line,
        your information governance lead or someone else. Link a consultation to a decision once you record one.
      </p>
      <Link href="/consultations/new" className="govuk-button">
        Record a consultation
      </Link>
      {consultations.length === 0 ? (
        <p className="govuk-body" data-testid="consultations-empty">
          You have not recorded any consultations.
        </p>
      ) : (
        // A list rather than a table, so it reflows at 320 px (WCAG 1.4.10).
        <ul className="govuk-list" data-testid="consultations-table">
          {consultations.map((c) => (
            <li key={c.id} className="border-b border-govuk-border pb-3">
              <p className="mb-1 font-bold">
                <Link href={`/consultations/${c.id}`}>Consultation of {formatDate(c.consultedAt)}</Link>
              </p>
              <p className="mb-1">
                {c.adviser} ({ADVISER_KIND_LABELS[c.adviserKind].toLowerCase()})
              </p>
              <p className="mb-0 text-govuk-secondary-text">
                Linked to: {c.linkedDecisionReference ?? c.linkedCaseReference ?? "not linked yet"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
