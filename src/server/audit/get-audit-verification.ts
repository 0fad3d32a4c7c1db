import "server-only";
import { z } from "zod";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { AUDIT_VERIFY_ACTION } from "./run-audit-verification";

const detailSchema = z.object({
  completed: z.literal(true),
  chains: z.number().int(),
  eventsChecked: z.number().int(),
  breaks: z.number().int(),
  milliseconds: z.number().int(),
  firstBreak: z
    .object({ eventId: z.string().nullable(), chainSeq: z.string().nullable(), kind: z.string(), message: z.string() })
    .nullable(),
});

export interface AuditVerificationRecord {
  id: string;
  at: string;
  actorName: string | null;
  intact: boolean;
  eventsChecked: number;
  milliseconds: number;
  firstBreak: { eventId: string | null; chainSeq: string | null; kind: string; message: string } | null;
}

/**
 * A verification run recorded in the user's own organisation's audit log (the result lives in the
 * "audit.verify" event's detail), or null when the id names no such completed run. Caller has
 * checked audit.view.
 */
export async function getAuditVerification(user: SignedInUser, id: string): Promise<AuditVerificationRecord | null> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return null;
  const event = await db().auditEvent.findFirst({
    where: { id: BigInt(id), organisationId: user.organisationId, action: AUDIT_VERIFY_ACTION },
  });
  if (!event) return null;
  const detail = detailSchema.safeParse(event.detail);
  if (!detail.success) return null;
  const actor = event.actorId
    ? await db().user.findUnique({ where: { id: event.actorId }, select: { name: true } })
    : null;
  return {
    id: event.id.toString(),
    at: event.at.toISOString(),
    actorName: actor?.name ?? null,
    intact: event.outcome === "SUCCESS" && detail.data.breaks === 0,
    eventsChecked: detail.data.eventsChecked,
    milliseconds: detail.data.milliseconds,
    firstBreak: detail.data.firstBreak,
  };
}
