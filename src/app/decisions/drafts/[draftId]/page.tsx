import { notFound, redirect } from "next/navigation";
import { firstIncompleteStepId } from "@/domain/wizard";
import { requirePermission } from "@/server/auth/current-actor";
import { loadOwnDraft } from "@/server/decisions/drafts";

/** Resuming a draft continues from the first question not yet answered. */
export default async function ResumeDraft({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const user = await requirePermission("decision.record");
  const draft = await loadOwnDraft(user, draftId);
  if (!draft) notFound();
  redirect(`/decisions/drafts/${draft.id}/${firstIncompleteStepId(draft.answers)}`);
}
