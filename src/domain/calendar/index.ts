// The UK calendar: the one place that decides where a UK day, month or due date begins and ends,
// and how a moment is shown (decision 013). Every day boundary in a query, every due date and
// every date on a page comes from here, so they all agree across the clock changes. The time-zone
// arithmetic is @date-fns/tz's (IANA data through Intl), not ours.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addYears, format, isValid, parse, startOfDay, startOfMonth } from "date-fns";

export const UK_TIME_ZONE = "Europe/London";

/** A calendar day, YYYY-MM-DD. */
export type IsoDay = string;
/** A calendar month, YYYY-MM. */
export type IsoMonth = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function inUk(moment: Date | number): TZDate {
  return new TZDate(typeof moment === "number" ? moment : moment.getTime(), UK_TIME_ZONE);
}

/**
 * Before 1900 no record can fall, but a filter may still name such a day: there a day starts at
 * midnight GMT (London's pre-1847 local mean time, and JavaScript's two-digit years, would make
 * day 1 of year 1 start in year 0, which PostgreSQL refuses).
 */
const FIRST_ZONED_YEAR = 1900;

/** Midnight UK time at the start of a YYYY-MM-DD day (throws on a day that does not exist). */
function ukMidnight(day: IsoDay): TZDate {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let midnight: TZDate;
  if (year >= FIRST_ZONED_YEAR) {
    midnight = new TZDate(year, month - 1, date, UK_TIME_ZONE);
  } else {
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, date);
    midnight = new TZDate(utc.getTime(), "UTC");
  }
  if (midnight.getFullYear() !== year || midnight.getMonth() !== month - 1 || midnight.getDate() !== date) {
    throw new RangeError(`no such day: ${day}`);
  }
  return midnight;
}

/** The UK calendar day a moment falls on, as YYYY-MM-DD. */
export function ukDate(moment: Date): IsoDay {
  return format(inUk(moment), "yyyy-MM-dd");
}

/** The instant a UK calendar day begins (local midnight: 00:00 GMT or 23:00 UTC the day before in summer). */
export function ukDayStart(day: IsoDay): Date {
  return new Date(ukMidnight(day).getTime());
}

/** The day after (or `days` after, or before when negative) a UK calendar day. */
export function addUkDays(day: IsoDay, days: number): IsoDay {
  return format(addDays(ukMidnight(day), days), "yyyy-MM-dd");
}

/** The instant a UK calendar day ends: the next day's start (exclusive). */
export function ukDayEnd(day: IsoDay): Date {
  return new Date(addDays(ukMidnight(day), 1).getTime());
}

/** The last millisecond of a UK calendar day: "until the end of that day". */
export function ukDayLastMoment(day: IsoDay): Date {
  return new Date(ukDayEnd(day).getTime() - 1);
}

/** The last day a four-digit year can name: a range to it has no end (JavaScript writes year 10000 as +010000). */
export const LAST_DAY: IsoDay = "9999-12-31";

/**
 * The instants bounding a filter "from day A to day B inclusive", UK time, for queries:
 * at >= start AND at < end. Either side may be open (null).
 */
export function ukDayRange(
  from: IsoDay | null | undefined,
  to: IsoDay | null | undefined,
): { start: Date | null; end: Date | null } {
  return { start: from ? ukDayStart(from) : null, end: to && to < LAST_DAY ? ukDayEnd(to) : null };
}

/** The same UK wall-clock time `days` calendar days later (23, 24 or 25 hours per day across a clock change). */
export function addUkCalendarDays(moment: Date, days: number): Date {
  return new Date(addDays(inUk(moment), days).getTime());
}

/** The same UK wall-clock time `years` later; 29 February becomes 28 February in a common year. */
export function addUkYears(moment: Date, years: number): Date {
  return new Date(addYears(inUk(moment), years).getTime());
}

/** The UK month a moment falls in, YYYY-MM. */
export function ukMonth(moment: Date): IsoMonth {
  return format(inUk(moment), "yyyy-MM");
}

/** The last `count` UK months up to and including the one `now` is in, oldest first, with their bounds. */
export function recentUkMonths(now: Date, count: number): { month: IsoMonth; start: Date; end: Date }[] {
  const current = startOfMonth(inUk(now));
  return Array.from({ length: count }, (_, i) => {
    const start = addMonths(current, i - count + 1);
    const end = addMonths(start, 1);
    return { month: format(start, "yyyy-MM"), start: new Date(start.getTime()), end: new Date(end.getTime()) };
  });
}

/** "June 2026" style label of a YYYY-MM month, as GOV.UK writes months. */
export function formatUkMonth(month: IsoMonth, style: "long" | "short" = "long"): string {
  return format(ukMidnight(`${month}-01`), style === "long" ? "MMMM yyyy" : "MMM yyyy");
}

/** GOV.UK style: "4 June 2026", UK time. */
export function formatUkDate(moment: Date): string {
  return format(inUk(moment), "d MMMM yyyy");
}

/** GOV.UK style: "4 June 2026 at 2:30pm", UK time. */
export function formatUkDateTime(moment: Date): string {
  return format(inUk(moment), "d MMMM yyyy 'at' h:mmaaa");
}

/** Reads formatUkDate's text back as a YYYY-MM-DD day (null when it is not one). */
export function parseUkDate(text: string): IsoDay | null {
  const parsed = parse(text, "d MMMM yyyy", startOfDay(new Date(0)));
  return isValid(parsed) && format(parsed, "d MMMM yyyy") === text ? format(parsed, "yyyy-MM-dd") : null;
}

/** A day as GOV.UK's date input shows it: three boxes, day, month and year, as typed. */
export interface DayParts {
  day: string;
  month: string;
  year: string;
}

/**
 * The YYYY-MM-DD day typed into a GOV.UK date input, or null when it is not a real day ("31 2 2026",
 * a two-digit year, letters). Leading zeros and spaces around the numbers are allowed, as people type them.
 */
export function ukDayFromParts(parts: DayParts): IsoDay | null {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  try {
    ukMidnight(iso);
    return iso;
  } catch {
    return null;
  }
}

/** A YYYY-MM-DD day as the three boxes show it ("2026-03-09" → 9, 3, 2026); anything else as blank boxes. */
export function dayParts(day: IsoDay | undefined): DayParts {
  const match = day ? ISO_DAY.exec(day) : null;
  if (!match) return { day: "", month: "", year: "" };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/**
 * Query parameters with each named date input's three boxes ("from-day", "from-month", "from-year")
 * joined into the one YYYY-MM-DD parameter the searches read ("from"). All three blank leaves the
 * filter off; a day that is not real is passed on as typed, for the search's validation to reject
 * with its message. A plain "from=YYYY-MM-DD" (a link to the next page) is kept as it is.
 */
export function joinDateParts(
  params: Record<string, string | string[] | undefined>,
  names: readonly string[],
): Record<string, string | string[] | undefined> {
  const joined = { ...params };
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  for (const name of names) {
    const parts = {
      day: text(params[`${name}-day`]),
      month: text(params[`${name}-month`]),
      year: text(params[`${name}-year`]),
    };
    delete joined[`${name}-day`];
    delete joined[`${name}-month`];
    delete joined[`${name}-year`];
    if (!(`${name}-day` in params || `${name}-month` in params || `${name}-year` in params)) continue;
    if (`${parts.day}${parts.month}${parts.year}`.trim() === "") {
      delete joined[name];
      continue;
    }
    joined[name] = ukDayFromParts(parts) ?? `${parts.year}-${parts.month}-${parts.day}`;
  }
  return joined;
}

/** The instant a UK wall-clock time happens on a day ("2026-03-30", 9, 0 -> 08:00 UTC in summer). */
export function ukMoment(day: IsoDay, hours: number, minutes = 0): Date {
  const midnight = ukMidnight(day);
  return new Date(
    new TZDate(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), hours, minutes, UK_TIME_ZONE).getTime(),
  );
}

/** The day of the week of a UK calendar day: 0 Sunday … 6 Saturday. */
export function ukWeekday(day: IsoDay): number {
  return ukMidnight(day).getDay();
}
