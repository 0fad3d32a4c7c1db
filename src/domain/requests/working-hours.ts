// Response clocks in working hours (issue 14, decision 028). A partner's "24 working hours" run only
// while its offices are open: Monday to Friday, 09:00 to 17:00 UK time, not on bank holidays of
// England and Wales. Bank holidays are data (the bank_holiday table, updatable by an admin), given
// to these functions, never written here. Every boundary is a UK wall-clock time from the calendar
// (decision 013), so a working day is 8 hours on either side of a clock change.
import { type IsoDay, addUkDays, ukDate, ukDayStart, ukMoment, ukWeekday } from "@/domain/calendar";

export interface WorkingCalendar {
  /** Days that are not working days although they fall Monday to Friday. */
  bankHolidays: ReadonlySet<IsoDay>;
  /** Opening and closing time, whole hours UK time. */
  opensAtHour: number;
  closesAtHour: number;
}

/** The convention decision 028 names: 09:00 to 17:00, Monday to Friday, UK time. */
export const OFFICE_HOURS = { opensAtHour: 9, closesAtHour: 17 } as const;

export function workingCalendar(bankHolidays: Iterable<IsoDay>): WorkingCalendar {
  return { bankHolidays: new Set(bankHolidays), ...OFFICE_HOURS };
}

export function isWorkingDay(day: IsoDay, calendar: WorkingCalendar): boolean {
  const weekday = ukWeekday(day);
  return weekday !== 0 && weekday !== 6 && !calendar.bankHolidays.has(day);
}

const MINUTE = 60_000;
/** Far more working days than any response time needs: a guard against a calendar with no working day. */
const MAX_DAYS = 3660;

/**
 * The moment a response is due: `workingHours` of office time after `receivedAt`. A request that
 * arrives out of hours starts its clock when the office next opens; a clock that runs out exactly
 * at closing time is due at closing time, not the next morning.
 */
export function dueAt(receivedAt: Date, workingHours: number, calendar: WorkingCalendar): Date {
  if (!(workingHours > 0) || !Number.isFinite(workingHours)) throw new RangeError("working hours must be positive");
  let remaining = Math.round(workingHours * 60) * MINUTE;
  let moment = receivedAt;
  let day = ukDate(receivedAt);
  for (let i = 0; i < MAX_DAYS; i += 1) {
    if (isWorkingDay(day, calendar)) {
      const opens = ukMoment(day, calendar.opensAtHour);
      const closes = ukMoment(day, calendar.closesAtHour);
      const from = moment < opens ? opens : moment;
      if (from < closes) {
        const available = closes.getTime() - from.getTime();
        if (remaining <= available) return new Date(from.getTime() + remaining);
        remaining -= available;
      }
    }
    day = addUkDays(day, 1);
    moment = ukDayStart(day);
  }
  throw new RangeError("no working day within ten years");
}

/** Working milliseconds between two moments (0 when `to` is not after `from`): how late a response is. */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  let day = ukDate(from);
  const lastDay = ukDate(to);
  for (let i = 0; i < MAX_DAYS && day <= lastDay; i += 1) {
    if (isWorkingDay(day, calendar)) {
      const opens = Math.max(ukMoment(day, calendar.opensAtHour).getTime(), from.getTime());
      const closes = Math.min(ukMoment(day, calendar.closesAtHour).getTime(), to.getTime());
      if (closes > opens) total += closes - opens;
    }
    day = addUkDays(day, 1);
  }
  return total;
}

/** When the reminder goes: three quarters of the response time gone (e.g. 3 of Red's 4 working hours). */
export function reminderAt(receivedAt: Date, workingHours: number, calendar: WorkingCalendar): Date {
  return dueAt(receivedAt, workingHours * 0.75, calendar);
}
