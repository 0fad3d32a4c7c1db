import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type IsoDay, ukDate } from "@/domain/calendar";
import { BANK_HOLIDAY_DIVISION, isRemovable, removeBankHolidaySchema } from "@/domain/partnerships";
import type { Actor } from "@/domain/policy";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { bankHolidayKey } from "./list-bank-holidays";
import { bankHolidaysRefusal, withBankHolidaysPermission } from "./partnership-access";

export const BANK_HOLIDAY_NOT_FOUND = "Bank holiday not found";
export const NOT_REMOVABLE = "You can only remove a bank holiday that is still to come";

export type BankHolidayToRemoveResult = UseCaseResult<{ day: IsoDay; name: string }>;
export type RemoveBankHolidayResult = UseCaseResult<{ day: IsoDay; name: string }>;

async function holidayToRemove(day: string, today: IsoDay, client: Tx = db()): Promise<BankHolidayToRemoveResult> {
  const parsed = removeBankHolidaySchema.safeParse({ day });
  if (!parsed.success) return fail.notFound(BANK_HOLIDAY_NOT_FOUND);
  const holiday = await client.bankHoliday.findUnique({
    where: { division_day: bankHolidayKey(parsed.data.day) },
    select: { name: true },
  });
  if (!holiday) return fail.notFound(BANK_HOLIDAY_NOT_FOUND);
  if (!isRemovable(parsed.data.day, today)) return fail.conflict(NOT_REMOVABLE);
  return { ok: true, day: parsed.data.day, name: holiday.name };
}

/** The holiday the "Are you sure" page names: refused (and audited) for someone who may not remove it. */
export async function getBankHolidayToRemove(
  actor: Actor,
  day: string,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<BankHolidayToRemoveResult> {
  return (await bankHolidaysRefusal(actor, meta)) ?? holidayToRemove(day, ukDate(now));
}

/**
 * Removes a bank holiday still to come. As with adding one, due times already given stay; new
 * requests' clocks count the day as a working day (decision 033).
 */
export const removeBankHoliday = withBankHolidaysPermission(
  async (actor, raw, meta, today): Promise<RemoveBankHolidayResult> => {
    const day = typeof raw === "object" && raw !== null && "day" in raw ? String(raw.day) : "";
    return db().$transaction(async (tx): Promise<RemoveBankHolidayResult> => {
      const holiday = await holidayToRemove(day, today, tx);
      if (!holiday.ok) return holiday;
      const removed = await tx.bankHoliday.deleteMany({
        where: bankHolidayKey(holiday.day),
      });
      // Another admin removed it in between: nothing to audit, and nothing left to remove.
      if (removed.count === 0) return fail.notFound(BANK_HOLIDAY_NOT_FOUND);
      await appendAuditEvent(
        tx,
        auditEntry(actor, meta, {
          action: "bank-holiday.remove",
          objectType: "bank-holiday",
          objectId: holiday.day,
          outcome: "SUCCESS",
          detail: { division: BANK_HOLIDAY_DIVISION, day: holiday.day, name: holiday.name },
        }),
      );
      return holiday;
    });
  },
);
