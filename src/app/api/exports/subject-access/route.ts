import { queryToInput } from "@/schemas/export-filters";
import { currentSession } from "@/server/auth/current-actor";
import { exportSubjectAccess } from "@/server/exports/export-subject-access";
import { metaFromHeaders } from "@/server/infra/request-context";
import { attachment, exportRefused, signInRequired } from "../responses";

// Everything held for one case reference, as one JSON or CSV download, audited as a disclosure.
// Query: caseReference (required), format=json|csv (default json).
export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status !== "signed-in") return signInRequired();
  const input = queryToInput(new URL(request.url).searchParams);
  const result = await exportSubjectAccess(session.user, input, metaFromHeaders(request.headers));
  if (!result.ok) return exportRefused(result.status, result.errors);
  return attachment(result.body, result.filename, result.contentType);
}
