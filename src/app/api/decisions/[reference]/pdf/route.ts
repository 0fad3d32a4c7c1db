import { viewDecision } from "@/server/decisions/view-decision";
import { renderRecordPdf } from "@/server/exports/decision-pdf";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { PROTECTIVE_MARKING } from "@/components/DecisionRecordView";
import { KIND_LABELS } from "@/components/decision-labels";
import { formatDateTime } from "@/components/format";
import { recordSections, summaryRows } from "@/components/record-sections";

// The record as a PDF for attaching to a case system: the same sections as the record page, with
// the protective marking and page numbers on every page. A download is a disclosure, audited as
// decision.export like the JSON; whether this reader may have the record is the use case's check.
export const GET = routeHandler<"signed-in", { reference: string }>("signed-in", async ({ user, meta, params }) => {
  const result = await viewDecision(user, params.reference, meta, { action: "decision.export", channel: "pdf" });
  if (!result.ok) return failureResponse(result);
  const { decision } = result;
  const pdf = await renderRecordPdf({
    marking: PROTECTIVE_MARKING,
    title: `${KIND_LABELS[decision.kind]} record ${decision.reference}`,
    subtitle: decision.organisationName,
    sections: [
      { heading: "Summary", rows: summaryRows(decision) },
      ...recordSections(decision).map(({ heading, rows }) => ({ heading, rows })),
    ],
    footnote:
      `Printed by ${user.name} on ${formatDateTime(new Date())}. ${PROTECTIVE_MARKING}: handle and store ` +
      "securely; do not copy or pass on without a lawful reason.",
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${decision.reference}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
});
