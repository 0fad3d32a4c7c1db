import { redirect } from "next/navigation";
import { firstIncompleteStepId } from "@/domain/wizard";
import { ownDraftOr404 } from "../own-draft";

/** Resuming a draft continues from the first question not yet answered. */
export default async function ResumeDraft({ params }: { params: Promise<{ draftId: string }> }) {
  const { draft } = await ownDraftOr404((await params).draftId);
  redirect(`/decisions/drafts/${draft.id}/${firstIncompleteStepId(draft.answers)}`);
}
