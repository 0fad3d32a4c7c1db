import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { GlobalAction } from "@/domain/policy";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

/** What a transaction answers when the record it was asked about belongs to another organisation. */
export const ELSEWHERE = Symbol("another organisation's record");

export interface AdminTarget {
  /** "user" or "team": the audit event's object type. */
  type: string;
  id: string;
  /** What the admin sees when it is not theirs: the same as when it does not exist. */
  notFound: string;
}

/**
 * Runs an admin's change in one transaction. A target held by another organisation is answered
 * "not found", so its existence is not revealed, and audited as a refusal (decision 010).
 */
export async function changeInOrganisation<Value extends object>(
  admin: SignedInUser,
  meta: RequestMeta,
  attempted: GlobalAction,
  target: AdminTarget,
  work: (tx: Tx) => Promise<UseCaseResult<Value> | typeof ELSEWHERE>,
): Promise<UseCaseResult<Value>> {
  const result = await db().$transaction(work);
  if (result !== ELSEWHERE) return result;
  await recordRefusal(admin, meta, attempted, { type: target.type, id: target.id }, "other-organisation");
  return fail.notFound(target.notFound);
}

/** Where a row sits relative to the admin: missing, another organisation's, or theirs. */
export function placeOf<Row extends { organisationId: string }>(
  row: Row | null,
  admin: SignedInUser,
): Row | "missing" | typeof ELSEWHERE {
  if (!row) return "missing";
  return row.organisationId === admin.organisationId ? row : ELSEWHERE;
}

/**
 * Locks the organisation's row until the transaction ends, so that changes that count its admins
 * (deactivation, role changes) run one at a time: two admins cannot each remove the other.
 */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM organisation WHERE id = ${organisationId}::uuid FOR UPDATE`;
}

/** A unique index refused the write (a model query reports P2002; through the adapter it may be 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2002" || `${error.message} ${JSON.stringify(error.meta ?? {})}`.includes("23505");
}
