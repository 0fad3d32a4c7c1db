import { exportPartnershipOversight } from "@/server/requests/export-partnership-oversight";
import { failureResponse, routeHandler } from "@/server/pipeline/route";

// CSV of the partnership's oversight figures (decision 030). Query: partnership (id), period (30, 90
// or 365 days). Who may is the partnership policy's question, asked by the use case (lead partners and
// members' IG leads are not a role), which audits a refusal.
export const GET = routeHandler("signed-in", async ({ user, meta, request }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await exportPartnershipOversight(user, query, meta);
  if (!result.ok) return failureResponse(result, { invalid: "The oversight filter is not valid" });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
