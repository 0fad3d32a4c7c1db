import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { formatUkDate, ukDayStart } from "@/domain/calendar";
import { BANK_HOLIDAY_DIVISION, addBankHolidaySchema } from "@/domain/partnerships";
import { isUniqueViolation } from "@/server/admin/in-organisation";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { fieldErrorsFrom } from "@/server/field-errors";
import { db } from "@/server/infra/db";
import { bankHolidayKey } from "./list-bank-holidays";
import { withBankHolidaysPermission } from "./partnership-access";

export type AddBankHolidayResult = UseCaseResult<{ day: string; name: string }>;

function alreadyOn(day: string, name: string) {
  return fail.conflict(`There is already a bank holiday on ${formatUkDate(ukDayStart(day))}: ${name}`, "date");
}

/**
 * Adds a bank holiday of England and Wales. New requests' clocks skip it; due times already given
 * stay as they were (decision 033). Refused before the form is read when the actor may not.
 */
export const addBankHoliday = withBankHolidaysPermission(
  async (actor, raw, meta, today): Promise<AddBankHolidayResult> => {
    const parsed = addBankHolidaySchema(today).safeParse(raw);
    if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
    const { day, name } = parsed.data;
    const key = bankHolidayKey(day);
    try {
      return await db().$transaction(async (tx): Promise<AddBankHolidayResult> => {
        const existing = await tx.bankHoliday.findUnique({ where: { division_day: key }, select: { name: true } });
        if (existing) return alreadyOn(day, existing.name);
        await tx.bankHoliday.create({ data: { ...key, name } });
        await appendAuditEvent(
          tx,
          auditEntry(actor, meta, {
            action: "bank-holiday.add",
            objectType: "bank-holiday",
            objectId: day,
            outcome: "SUCCESS",
            detail: { division: BANK_HOLIDAY_DIVISION, day, name },
          }),
        );
        return { ok: true, day, name };
      });
    } catch (error) {
      // Two admins adding the same day at once: the second is told, as if it had been there first.
      if (isUniqueViolation(error)) return alreadyOn(day, name);
      throw error;
    }
  },
);
