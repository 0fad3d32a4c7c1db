import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { viewEscalatedRequest } from "@/server/requests/view-escalated-request";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, NotificationBanner, SummaryList, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { decideEscalationAction } from "../../actions";
import { EscalationList } from "../../escalations";
import { PRIORITY_COLOURS, priorityLabel, statusLabel } from "../../labels";

export const metadata: Metadata = { title: "Escalated request" };

const text = (value: string) => <span className="whitespace-pre-wrap">{value}</span>;

export default async function EscalatedRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reference } = await params;
  const done = (await searchParams).done;
  const user = await requireUser();
  const result = await viewEscalatedRequest(user, reference, await requestMeta());
  if (!result.ok) notFound();
  const r = result.request;
  return (
    <div className="max-w-[760px]">
      {done === "decided" ? (
        <NotificationBanner kind="success" title="Success">
          <p className="font-bold">Your decision has been recorded. Both partners have been told.</p>
        </NotificationBanner>
      ) : null}
      <BackLink href="/requests/escalated" />
      <span className="govuk-caption-l">
        {r.requestingOrganisation} asked {r.respondingOrganisation}
      </span>
      <h1 className="govuk-heading-l">Escalated request {r.reference}</h1>
      <p className="govuk-body">
        <Tag colour={PRIORITY_COLOURS[r.priority]}>{priorityLabel(r.priority)}</Tag> <Tag>{statusLabel(r.status)}</Tag>
      </p>
      <p className="govuk-body">
        The child’s name, date of birth and NHS number are not shown here: ask the partners if you need them.
      </p>
      <SummaryList
        rows={[
          { key: "Asked by", value: `${r.requester}, ${r.requestingOrganisation}` },
          { key: "Asked of", value: `${r.contactTeam}, ${r.respondingOrganisation}` },
          { key: "Received", value: formatDateTime(r.receivedAt) },
          { key: "Answer due", value: `${formatDateTime(r.dueAt)} (${r.responseHours} working hours)` },
          { key: "Why it is needed", value: text(r.purpose) },
          { key: "Information needed", value: text(r.informationNeeded) },
          { key: "Lawful basis for asking", value: text(r.lawfulBasis) },
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
        <>
          <h2 className="govuk-heading-m">Your decision</h2>
          <p className="govuk-body">
            Your decision and its reasons go to both partners: the requester and the contact team that was asked.
          </p>
          <ActionForm
            action={decideEscalationAction.bind(null, r.reference)}
            fields={[
              {
                name: "outcome",
                kind: "radios",
                label: "What do the lead partners decide?",
                options: [
                  { value: "ASK_TO_SHARE", label: "Ask the partner to share the information" },
                  {
                    value: "UPHOLD",
                    label: r.answer?.kind === "NO_SHARE" ? "Uphold the refusal" : "No further action",
                  },
                ],
              },
              { name: "reasons", kind: "textarea", label: "The reasons for your decision", maxLength: 5000 },
            ]}
            submitLabel="Record the decision"
          />
        </>
      ) : null}
    </div>
  );
}
