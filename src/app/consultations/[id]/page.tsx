import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { viewConsultation } from "@/server/consultations/view-consultation";
import { ActionSection } from "@/components/ActionSection";
import { BackLink, SuccessBanner, SummaryList } from "@/components/layout-bits";
import { formatDate, formatDateTime } from "@/components/format";
import { adviserLabel } from "@/components/consultation-labels";
import { choiceWithFollowUps } from "@/components/field-definitions";
import { type PageProps, doneNotice, shownOrRefused } from "@/app/page-props";
import { linkConsultationAction } from "../actions";

export const metadata: Metadata = { title: "Consultation" };

const DONE: Record<string, string> = {
  recorded: "The consultation has been recorded.",
  linked: "The consultation has been linked to the case reference.",
};

/** Link to a decision by its reference, or to a case reference when no decision is recorded yet. */
const LINK_FIELDS = choiceWithFollowUps("linkTo", "What do you want to link it to?", [
  {
    value: "decision",
    label: "A decision you recorded",
    followUp: {
      name: "decisionReference",
      kind: "text",
      label: "Decision reference",
      hint: "For example, DEC-7K4Q-M2XD",
    },
  },
  {
    value: "case",
    label: "A case reference",
    followUp: { name: "caseReference", kind: "text", label: "Case reference", maxLength: 40 },
  },
]);

export default async function ConsultationPage({ params, searchParams }: PageProps<{ id: string }>) {
  const { id } = await params;
  const notice = doneNotice(await searchParams, DONE);
  const user = await requireUser();
  const { consultation: c, canLink } = shownOrRefused(await viewConsultation(user, id, await requestMeta()));
  const linkedTo = c.linkedDecisionReference ? (
    <Link href={`/decisions/${c.linkedDecisionReference}`}>{c.linkedDecisionReference}</Link>
  ) : (
    (c.linkedCaseReference ?? "Not linked")
  );
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={notice} />
      <BackLink href="/consultations" />
      <span className="govuk-caption-l">Consultation without naming the child</span>
      <h1 className="govuk-heading-l">Consultation of {formatDate(c.consultedAt)}</h1>
      <SummaryList
        rows={[
          { key: "Who was consulted", value: adviserLabel(c.adviserKind, c.adviser) },
          { key: "The question", value: <span className="whitespace-pre-wrap">{c.question}</span> },
          { key: "The advice", value: <span className="whitespace-pre-wrap">{c.advice}</span> },
          { key: "Recorded by", value: `${c.authorName}, ${formatDateTime(c.createdAt)}` },
          { key: "Linked to", value: linkedTo },
        ]}
      />
      {canLink ? (
        <ActionSection
          title="Link it to a decision"
          intro={
            "Once you have recorded a decision about the child, link this consultation to it, so the record shows " +
            "the advice you took. You can link it only once."
          }
          action={linkConsultationAction}
          hidden={{ consultationId: c.id }}
          fields={LINK_FIELDS}
          submitLabel="Link the consultation"
          tone="secondary"
        />
      ) : null}
    </div>
  );
}
