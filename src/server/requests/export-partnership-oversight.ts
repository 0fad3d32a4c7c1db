import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { OVERSIGHT_CSV_HEADER, oversightCsvRow } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { auditEntry, recordAuditEvent } from "../audit/append-audit-event";
import { recordRefusal } from "../auth/refusal";
import { csvDocument } from "../exports/encode-csv";
import type { RequestMeta } from "@/server/infra/request-context";
import { partnershipOversight } from "./partnership-oversight";

export type ExportPartnershipOversightResult = UseCaseResult<{ csv: string; filename: string }>;

/**
 * The oversight figures by agency and priority as CSV (decision 030), for a multi-agency audit. Figures
 * only, a few dozen rows, built in memory. The export is a disclosure of the partners' performance,
 * so it is audited in the exporter's organisation's log; someone who oversees no partnership is refused.
 */
export async function exportPartnershipOversight(
  user: SignedInUser,
  raw: Record<string, unknown>,
  meta: RequestMeta,
): Promise<ExportPartnershipOversightResult> {
  const now = new Date();
  const result = await partnershipOversight(user, raw, meta, now);
  if (!result.ok) return result;
  const { oversight } = result;
  if (!oversight) {
    await recordRefusal(user, meta, "partnership.oversight");
    return fail.forbidden("You do not oversee a partnership");
  }
  await recordAuditEvent(
    auditEntry(user, meta, {
      action: "partnership.oversight-export",
      objectType: "partnership",
      objectId: oversight.partnership.id,
      outcome: "SUCCESS",
      detail: { periodDays: String(oversight.period), rows: String(oversight.byAgency.length) },
    }),
  );
  return {
    ok: true,
    csv: csvDocument(OVERSIGHT_CSV_HEADER, oversight.byAgency.map(oversightCsvRow)),
    filename: `partnership-oversight-${now.toISOString().slice(0, 10)}-${oversight.period}-days.csv`,
  };
}
