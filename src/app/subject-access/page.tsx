import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { InsetText, NotificationBanner, PageHeading } from "@/components/layout-bits";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Subject access" };

export default async function SubjectAccessPage({ searchParams }: PageProps) {
  const user = await requirePermission("subject-access.export");
  const notFoundParam = (await searchParams).notFound;
  // Shown back as text only; the search itself was validated and audited by the export.
  const notFound = typeof notFoundParam === "string" ? notFoundParam.slice(0, 40) : null;
  return (
    <div className="max-w-[760px]">
      {notFound ? (
        <NotificationBanner title="No records found">
          <h3 className="govuk-heading-m" data-testid="subject-access-none">
            No records were found for case reference {notFound}
          </h3>
          <p className="govuk-body">
            Nothing was downloaded. Check the reference against the request (a mistyped letter or number finds nothing)
            and search again before you reply that no information is held. The search is recorded in the audit log.
          </p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={user.organisationName}>Subject access: all records for a case</PageHeading>
      <p className="govuk-body">
        Download every decision, review and escalation for one case reference, to answer a subject access request or a
        court order. The download is recorded in the audit log as a disclosure. A case reference with no records
        downloads nothing: the page says so.
      </p>
      <InsetText>
        Check each record before disclosing it: information about third parties, or that could put someone at risk, may
        need to be withheld.
      </InsetText>
      <form method="get" action="/api/exports/subject-access" className="mb-8">
        <div className="govuk-form-group">
          <label htmlFor="caseReference" className="govuk-label-bold">
            Case reference
          </label>
          <input
            id="caseReference"
            name="caseReference"
            required
            maxLength={40}
            defaultValue={notFound ?? undefined}
            className="govuk-input sm:w-1/2"
            spellCheck={false}
          />
        </div>
        <fieldset className="govuk-form-group border-0 p-0">
          <legend className="govuk-fieldset-legend font-bold">Format</legend>
          <div className="flex gap-6">
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="json" defaultChecked className="size-6" /> JSON
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="format" value="csv" className="size-6" /> CSV
            </label>
          </div>
        </fieldset>
        <button type="submit" className="govuk-button">
          Download
        </button>
      </form>
    </div>
  );
}
