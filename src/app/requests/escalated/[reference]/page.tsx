import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { viewEscalatedRequest } from "@/server/requests/view-escalated-request";
import { radiosField } from "@/domain/wizard/fields";
import { ActionSection } from "@/components/ActionSection";
import { BackLink, SuccessBanner, SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { decideEscalationAction } from "../../actions";
import { EscalationList } from "../../escalations";
import { ESCALATED_REQUEST_NOTICES } from "../../notices";
import { RequestTags, exchangeRows, purposeRows, text } from "../../request-sections";
import { type PageProps, doneNotice, shownOrRefused } from "@/app/page-props";

export const metadata: Metadata = { title: "Escalated request" };

export default async function EscalatedRequestPage({ params, searchParams }: PageProps<{ reference: string }>) {
  const { reference } = await params;
  const user = await requireUser();
  const r = shownOrRefused(await viewEscalatedRequest(user, reference, await requestMeta())).request;
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={doneNotice(await searchParams, ESCALATED_REQUEST_NOTICES)} />
      <BackLink href="/requests/escalated" />
      <span className="govuk-caption-l">
        {r.requestingOrganisation} asked {r.respondingOrganisation}
      </span>
      <h1 className="govuk-heading-l">Escalated request {r.reference}</h1>
      <RequestTags priority={r.priority} status={r.status} />
      <p className="govuk-body">
        The child’s name, date of birth and NHS number are not shown here: ask the partners if you need them.
      </p>
      <SummaryList
        rows={[
          ...exchangeRows(r),
          ...purposeRows(r),
          {
            key: "Answer",
            value: r.answer
              ? r.answer.kind === "SHARE"
                ? `Shared, ${formatDateTime(r.answer.answeredAt)}`
                : `Not shared, ${formatDateTime(r.answer.answeredAt)}`
              : "Not answered yet",
          },
          ...(r.answer?.reasons ? [{ key: "Reasons for not sharing", value: text(r.answer.reasons) }] : []),
        ]}
      />
      <EscalationList escalations={r.escalations} />
      {r.mayDecide ? (
        <ActionSection
          title="Your decision"
          intro="Your decision and its reasons go to both partners: the requester and the contact team that was asked."
          action={decideEscalationAction.bind(null, r.reference)}
          fields={[
            radiosField("outcome", "What do the lead partners decide?", [
              { value: "ASK_TO_SHARE", label: "Ask the partner to share the information" },
              { value: "UPHOLD", label: r.answer?.kind === "NO_SHARE" ? "Uphold the refusal" : "No further action" },
            ]),
            { name: "reasons", kind: "textarea", label: "The reasons for your decision", maxLength: 5000 },
          ]}
          submitLabel="Record the decision"
        />
      ) : null}
    </div>
  );
}
