import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { retentionRulesFormSchema } from "@/domain/retention";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { refusalUnless } from "../auth/refusal";
import { fieldErrorsFrom } from "../field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { retentionRules } from "./retention-rules";

/**
 * The IG lead sets how long each type of record is kept (decision 024). Applies to records made
 * from now on; records already made keep the date they were given. Audited with before and after.
 */
export async function updateRetentionRules(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult> {
  const refused = await refusalUnless(
    user,
    meta,
    "retention-rules.manage",
    "Only an information governance lead can set retention rules",
  );
  if (refused) return refused;
  const parsed = retentionRulesFormSchema().safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));

  await db().$transaction(async (tx) => {
    const before = await retentionRules(user.organisationId, tx);
    for (const rule of parsed.data) {
      const values = { years: rule.years, untilAge: rule.untilAge, updatedById: user.userId, updatedAt: new Date() };
      await tx.retentionRule.upsert({
        where: { organisationId_recordType: { organisationId: user.organisationId, recordType: rule.recordType } },
        create: { organisationId: user.organisationId, recordType: rule.recordType, ...values },
        update: values,
      });
    }
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "retention.rules.change",
        objectType: "organisation",
        objectId: user.organisationId,
        outcome: "SUCCESS",
        detail: {
          before: Object.values(before).map(({ recordType, years, untilAge }) => ({ recordType, years, untilAge })),
          after: parsed.data.map(({ recordType, years, untilAge }) => ({ recordType, years, untilAge })),
        },
      }),
    );
  });
  return { ok: true };
}
