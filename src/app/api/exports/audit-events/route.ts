import { queryToInput } from "@/schemas/export-filters";
import { currentSession } from "@/server/auth/current-actor";
import { exportAuditEvents } from "@/server/exports/export-audit-events";
import { metaFromHeaders } from "@/server/infra/request-context";
import { attachment, exportRefused, signInRequired } from "../responses";

// CSV of the IG lead's organisation's audit log for a filter, streamed.
// Query: actor, action, objectReference, caseReference, outcome, from, to (YYYY-MM-DD, UK days), all optional.
export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status !== "signed-in") return signInRequired();
  const input = queryToInput(new URL(request.url).searchParams);
  const result = await exportAuditEvents(session.user, input, metaFromHeaders(request.headers));
  if (!result.ok) return exportRefused(result.status, result.errors);
  return attachment(result.stream, result.filename, "text/csv; charset=utf-8");
}
