import "server-only";
import { type ArrangementStamp, parseArrangementStamp } from "@/domain/local-arrangements";
import { type AppliedRetention, appliedRetentionSchema } from "@/domain/retention";
import { listDecisionConsultations } from "../consultations/list-own-consultations";
import type { ConsultationView } from "../consultations/consultation-view";
import { db } from "@/server/infra/db";

export interface RecordStamps {
  /** The local arrangements in force when it was made; null for records made before stamps. */
  localArrangements: ArrangementStamp[] | null;
  retentionRule: AppliedRetention | null;
  consultations: ConsultationView[];
}

/**
 * What decision 024 adds to a record's page: the arrangements stamp, the retention rule and the
 * consultations linked to it. For a decision the caller has already loaded for someone allowed to
 * see it (that view is the audited event).
 */
export async function loadRecordStamps(decisionId: string, organisationId: string): Promise<RecordStamps> {
  const [row, consultations] = await Promise.all([
    db().decision.findFirst({
      where: { id: decisionId, organisationId },
      select: { localArrangements: true, retentionRule: true },
    }),
    listDecisionConsultations(decisionId, organisationId),
  ]);
  return {
    localArrangements: parseArrangementStamp(row?.localArrangements ?? null),
    retentionRule: appliedRetentionSchema.safeParse(row?.retentionRule).data ?? null,
    consultations,
  };
}
