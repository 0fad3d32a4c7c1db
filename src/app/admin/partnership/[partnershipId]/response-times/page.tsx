import type { Metadata } from "next";
import { PRIORITIES, PRIORITY_LABELS } from "@/domain/requests";
import { RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN, RESPONSE_TIME_FIELDS } from "@/domain/partnerships";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { getResponseTimesToChange } from "@/server/partnerships/set-response-times";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, InsetText, PageHeading } from "@/components/layout-bits";
import { type PageProps, shownOrRefused } from "@/app/page-props";
import { setResponseTimesAction } from "../../actions";

export const metadata: Metadata = { title: "Change response times" };

export default async function ResponseTimesPage({ params }: PageProps<{ partnershipId: string }>) {
  const user = await requirePermission("partnership.view");
  const partnership = shownOrRefused(
    await getResponseTimesToChange(user, (await params).partnershipId, await requestMeta()),
  );
  return (
    <div className="max-w-[640px]">
      <BackLink href="/admin/partnership">Partnership</BackLink>
      <PageHeading caption={partnership.name}>Change response times</PageHeading>
      <p className="govuk-body">
        Whole working hours, {RESPONSE_HOURS_MIN} to {RESPONSE_HOURS_MAX}, each priority shorter than the next. A
        working day is 8 hours (9am to 5pm).
      </p>
      <InsetText>
        The new times apply to requests sent afterwards. Requests already sent keep the due times both organisations
        were given.
      </InsetText>
      <ActionForm
        action={setResponseTimesAction}
        hidden={{ partnershipId: partnership.id }}
        initialValues={Object.fromEntries(
          PRIORITIES.map((priority) => [RESPONSE_TIME_FIELDS[priority], String(partnership.responseHours[priority])]),
        )}
        fields={PRIORITIES.map((priority) => ({
          name: RESPONSE_TIME_FIELDS[priority],
          kind: "text" as const,
          label: `${PRIORITY_LABELS[priority]} response time, in working hours`,
        }))}
        submitLabel="Save response times"
      />
    </div>
  );
}
