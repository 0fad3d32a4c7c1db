import type { Metadata } from "next";
import Link from "next/link";
import { draftResumePoint } from "@/domain/wizard/sections";
import { ownDraftOr404 } from "../../own-draft";
import { BackLink, PageHeading, SummaryList, WarningText } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { KIND_LABELS } from "@/components/decision-labels";
import { discardDraftAction } from "../../../actions";

export const metadata: Metadata = { title: "Discard this draft" };

/** Asks before a draft is discarded (GOV.UK: confirm a destructive action on a page of its own). */
export default async function DiscardDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draft } = await ownDraftOr404((await params).draftId);
  const resumesAt = draftResumePoint(draft.answers);
  return (
    <div className="max-w-[760px]">
      <BackLink href="/decisions">Back to your decisions</BackLink>
      <PageHeading caption={KIND_LABELS[draft.kind]}>Are you sure you want to discard this draft?</PageHeading>
      <SummaryList
        rows={[
          { key: "Case reference", value: draft.answers.concern?.caseReference ?? "Not given yet" },
          ...(draft.supersedes ? [{ key: "Follows on from", value: draft.supersedes.reference }] : []),
          {
            key: "How far it got",
            value: resumesAt
              ? `Section ${resumesAt.section.number} of ${resumesAt.section.total}: ${resumesAt.section.name}. ` +
                `Next: ${resumesAt.question}`
              : "Every question answered: ready to check and record",
          },
          { key: "Last saved", value: formatDateTime(draft.updatedAt) },
        ]}
      />
      <WarningText>
        Its answers will be deleted and cannot be got back. Nothing has been recorded from this draft; the audit log
        keeps a note that you discarded it.
      </WarningText>
      <form action={discardDraftAction} className="flex flex-wrap items-baseline gap-x-6">
        <input type="hidden" name="draftId" value={draft.id} />
        <button type="submit" className="govuk-button govuk-button-warning">
          Discard this draft
        </button>
        <Link href={`/decisions/drafts/${draft.id}`}>Cancel and continue the draft</Link>
      </form>
    </div>
  );
}
