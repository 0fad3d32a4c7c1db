import { queryToInput } from "@/schemas/export-filters";
import { ROLE_LABELS } from "@/domain/policy";
import { AUDIT_ACTION_LABELS } from "@/components/audit-labels";
import { exportAuditEvents } from "@/server/exports/export-audit-events";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { EXPORT_FAILURE_TITLES, EXPORT_REFUSAL, attachment } from "../responses";

// CSV of the IG lead's organisation's audit log for a filter, streamed.
// Query: actor, action, objectReference, caseReference, outcome, from, to (YYYY-MM-DD, UK days), all optional.
export const GET = routeHandler(
  "audit.export",
  async ({ user, meta, request }) => {
    const result = await exportAuditEvents(user, queryToInput(new URL(request.url).searchParams), meta, {
      labels: { actions: AUDIT_ACTION_LABELS, roles: ROLE_LABELS },
    });
    if (!result.ok) return failureResponse(result, EXPORT_FAILURE_TITLES);
    return attachment(result.stream, result.filename, "text/csv; charset=utf-8");
  },
  EXPORT_REFUSAL,
);
