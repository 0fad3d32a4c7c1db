import { queryToInput } from "@/schemas/export-filters";
import { currentSession } from "@/server/auth/current-actor";
import { exportDecisions } from "@/server/exports/export-decisions";
import { metaFromHeaders } from "@/server/infra/request-context";
import { attachment, exportRefused, signInRequired } from "../responses";

// CSV of the IG lead's organisation's decisions for a filter, streamed.
// Query: outcome, flag, caseReference, from, to (decision dates, YYYY-MM-DD), all optional.
export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status !== "signed-in") return signInRequired();
  const input = queryToInput(new URL(request.url).searchParams);
  const result = await exportDecisions(session.user, input, metaFromHeaders(request.headers));
  if (!result.ok) return exportRefused(result.status, result.errors);
  return attachment(result.stream, result.filename, "text/csv; charset=utf-8");
}
