import "server-only";
import { type IsoDay, ukDate } from "@/domain/calendar";
import { BANK_HOLIDAY_DIVISION, holidaysByYear, isRemovable } from "@/domain/partnerships";
import type { Actor } from "@/domain/policy";
import { db } from "@/server/infra/db";
import { mayManageBankHolidays, partnershipsOf } from "./partnership-access";

export interface BankHolidayRow {
  day: IsoDay;
  name: string;
  removable: boolean;
}

export interface BankHolidayList {
  today: IsoDay;
  years: { year: string; holidays: BankHolidayRow[] }[];
  /** Whether the reader may add and remove holidays (else the list is read-only). */
  canManage: boolean;
}

/** A DATE column arrives as midnight UTC of that day. */
export function isoDayOf(day: Date): IsoDay {
  return day.toISOString().slice(0, 10);
}

/** A holiday's row key: the division and its DATE as midnight UTC, as the column is read and written. */
export function bankHolidayKey(day: IsoDay): { division: string; day: Date } {
  return { division: BANK_HOLIDAY_DIVISION, day: new Date(`${day}T00:00:00Z`) };
}

/** The bank holidays of England and Wales the response clocks skip, by year (public facts: no audit). */
export async function listBankHolidays(actor: Actor, now: Date = new Date()): Promise<BankHolidayList> {
  const today = ukDate(now);
  const [rows, partnerships] = await Promise.all([
    db().bankHoliday.findMany({
      where: { division: BANK_HOLIDAY_DIVISION },
      select: { day: true, name: true },
      orderBy: { day: "asc" },
    }),
    partnershipsOf(actor),
  ]);
  const holidays = rows.map((row) => {
    const day = isoDayOf(row.day);
    return { day, name: row.name, removable: isRemovable(day, today) };
  });
  return { today, years: holidaysByYear(holidays), canManage: mayManageBankHolidays(actor, partnerships) };
}
