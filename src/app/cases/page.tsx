import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { PageHeading } from "@/components/layout-bits";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Find a case" };

/** A case reference typed here opens that case's page; the page decides what the reader may see. */
export default async function FindCasePage({ searchParams }: PageProps) {
  const user = await requirePermission("case.search");
  const typed = (await searchParams).reference;
  const reference = typeof typed === "string" ? typed.trim() : "";
  if (reference) redirect(`/cases/${encodeURIComponent(reference)}`);
  return (
    <>
      <PageHeading caption={user.organisationName}>Find a case</PageHeading>
      <p className="govuk-body">
        See every decision your organisation has recorded about a case, whoever recorded it. If the records belong to
        another team, you will be told which team to ask.
      </p>
      <form method="get" action="/cases" role="search" className="mb-8">
        <div className="govuk-form-group">
          <label htmlFor="reference" className="govuk-label-bold">
            Case reference
          </label>
          <input id="reference" name="reference" type="search" maxLength={60} className="govuk-input max-w-[20em]" />
        </div>
        <button type="submit" className="govuk-button">
          Find case
        </button>
      </form>
    </>
  );
}
