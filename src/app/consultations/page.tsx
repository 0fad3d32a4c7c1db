import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listOwnConsultations } from "@/server/consultations/list-own-consultations";
import { PageHeading, TableHead } from "@/components/layout-bits";
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
      <Link href="/consultations/new" className="govuk-button" role="button" draggable={false}>
        Record a consultation
      </Link>
      {consultations.length === 0 ? (
        <p className="govuk-body" data-testid="consultations-empty">
          You have not recorded any consultations.
        </p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="Your consultations" tabIndex={0}>
          <table className="govuk-table" data-testid="consultations-table">
            <caption className="sr-only">Consultations you have recorded, newest first</caption>
            <TableHead columns={["Consulted", "Who", "Linked to"]} action />
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.consultedAt)}</td>
                  <td>
                    {c.adviser}
                    <span className="block text-govuk-secondary-text">{ADVISER_KIND_LABELS[c.adviserKind]}</span>
                  </td>
                  <td>{c.linkedDecisionReference ?? c.linkedCaseReference ?? "Not linked"}</td>
                  <td>
                    <Link href={`/consultations/${c.id}`}>
                      View<span className="sr-only"> consultation of {formatDate(c.consultedAt)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
