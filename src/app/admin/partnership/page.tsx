import type { Metadata } from "next";
import { roleCan } from "@/domain/policy";
import { PRIORITIES, PRIORITY_LABELS } from "@/domain/requests";
import { requirePermission } from "@/server/auth/current-actor";
import { viewPartnerships } from "@/server/partnerships/view-partnerships";
import { BackLink, InsetText, PageHeading, SuccessBanner, SummaryList, TableHead } from "@/components/layout-bits";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Partnership" };

const DONE: Record<string, string> = {
  changed: "Response times changed. They apply to requests sent from now on.",
  unchanged: "The response times were already those; nothing changed.",
};

function hoursText(hours: number): string {
  return `${hours} working ${hours === 1 ? "hour" : "hours"}`;
}

/** The safeguarding partnership(s) of the reader's organisation: response times, members, lead partners. */
export default async function PartnershipPage({ searchParams }: PageProps) {
  const user = await requirePermission("partnership.view");
  const partnerships = await viewPartnerships(user);
  return (
    <div className="max-w-[760px]">
      {/* The administration hub is the admins'; everyone else reaches this page by its address. */}
      {roleCan(user.role, "users.manage") ? <BackLink href="/admin">Administration</BackLink> : null}
      <SuccessBanner message={doneNotice(await searchParams, DONE)} testId="partnership-notice" />
      <PageHeading caption={user.organisationName}>
        {partnerships.length === 1 ? partnerships[0]!.name : "Safeguarding partnerships"}
      </PageHeading>
      {partnerships.length === 0 ? (
        <p className="govuk-body">Your organisation is not a member of a safeguarding partnership.</p>
      ) : null}
      {partnerships.map((partnership) => (
        <section key={partnership.id} aria-labelledby={`partnership-${partnership.id}`} className="mb-10">
          {partnerships.length > 1 ? (
            <h2 className="govuk-heading-l" id={`partnership-${partnership.id}`}>
              {partnership.name}
            </h2>
          ) : (
            <span id={`partnership-${partnership.id}`} className="sr-only">
              {partnership.name}
            </span>
          )}
          <h3 className="govuk-heading-m">Response times</h3>
          <p className="govuk-body">
            How long a partner has to answer a request, by its priority. Working hours are 9am to 5pm, Monday to Friday,
            not on <a href="/admin/bank-holidays">bank holidays</a>.
          </p>
          <SummaryList
            rows={PRIORITIES.map((priority) => ({
              key: PRIORITY_LABELS[priority],
              value: hoursText(partnership.responseHours[priority]),
              ...(partnership.canChangeResponseTimes
                ? {
                    action: {
                      href: `/admin/partnership/${partnership.id}/response-times`,
                      label: "Change",
                      visuallyHidden: `${PRIORITY_LABELS[priority]} response time`,
                    },
                  }
                : {}),
            }))}
          />
          {partnership.canChangeResponseTimes ? (
            <InsetText>
              A change applies to requests sent afterwards. Requests already sent keep their due times.
            </InsetText>
          ) : (
            <p className="govuk-body">
              An admin of an organisation whose people include a lead safeguarding partner can change them.
            </p>
          )}

          <h3 className="govuk-heading-m">Member organisations</h3>
          <table className="govuk-table" data-testid="partnership-members">
            <caption className="sr-only">Member organisations and the team that receives their requests</caption>
            <TableHead columns={["Organisation", "Receives requests in"]} />
            <tbody>
              {partnership.members.map((member) => (
                <tr key={member.organisationId}>
                  <td className="break-words">{member.organisationName}</td>
                  <td className="break-words">{member.contactTeamName}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3 className="govuk-heading-m">Lead safeguarding partners</h3>
          {partnership.leadPartners.length === 0 ? (
            <p className="govuk-body">No lead safeguarding partners are named.</p>
          ) : (
            <ul className="govuk-list" data-testid="partnership-lead-partners">
              {partnership.leadPartners.map((lead) => (
                <li key={`${lead.name}-${lead.organisationName}`}>
                  {lead.name}
                  {lead.jobTitle ? `, ${lead.jobTitle}` : ""} ({lead.organisationName})
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
