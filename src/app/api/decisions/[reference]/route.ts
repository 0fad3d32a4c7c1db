import { currentSession } from "@/server/auth/current-actor";
import { viewDecision } from "@/server/decisions/view-decision";
import { metaFromHeaders } from "@/server/infra/request-context";

// The record as JSON, for subject access requests and case-management systems: the same data as
// the record page. Authorises itself; the download is audited as a disclosure (decision.export).
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const session = await currentSession();
  if (session.status !== "signed-in") return Response.json({ error: "Sign in to use this API" }, { status: 401 });
  const { reference } = await params;
  const result = await viewDecision(session.user, reference, metaFromHeaders(request.headers), { action: "decision.export", channel: "json" });
  if (!result.ok) {
    return result.status === 404
      ? Response.json({ error: "Decision not found" }, { status: 404 })
      : Response.json({ error: "You do not have permission to view this decision" }, { status: 403 });
  }
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
}
