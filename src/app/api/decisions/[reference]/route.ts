import { viewDecision } from "@/server/decisions/view-decision";
import { failureResponse, routeHandler } from "@/server/pipeline/route";

// The record as JSON, for subject access requests and case-management systems: the same data as
// the record page. Authorises itself; the download is audited as a disclosure (decision.export).
// Any signed-in user may ask; whether they may have this record is the use case's record-scoped check.
export const GET = routeHandler<"signed-in", { reference: string }>("signed-in", async ({ user, meta, params }) => {
  const result = await viewDecision(user, params.reference, meta, { action: "decision.export", channel: "json" });
  if (!result.ok) return failureResponse(result);
  const { decision } = result;
  const body = {
    reference: decision.reference,
    kind: decision.kind,
    organisation: decision.organisationName,
    team: decision.teamName,
    recordedBy: decision.author,
    recordedAt: decision.recordedAt,
    supersedes: decision.supersedes?.reference ?? null,
    followUps: decision.followUps,
    record: decision.record,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${decision.reference}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
