import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { loadOwnDraft } from "@/server/decisions/drafts";

/** The draft a wizard page's address names, with its author: anyone else's draft, or none, is not found. */
export async function ownDraftOr404(draftId: string) {
  const user = await requirePermission("decision.record");
  const draft = await loadOwnDraft(user, draftId);
  if (!draft) notFound();
  return { user, draft };
}
