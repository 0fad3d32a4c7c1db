// Adding and removing a bank holiday of England and Wales (issue 14, decision 033). The list is data
// the response clocks read (src/domain/requests/working-hours.ts); these rules keep it to days a
// clock can use, with GOV.UK's date input messages.
import { z } from "zod";
import { type IsoDay, formatUkDate, ukDayFromParts, ukDayStart, ukWeekday } from "@/domain/calendar";

/** The one division the clocks count on (www.gov.uk/bank-holidays also lists Scotland and Northern Ireland). */
export const BANK_HOLIDAY_DIVISION = "england-and-wales";
export const BANK_HOLIDAY_NAME_MAX_LENGTH = 100;
/** How many years ahead a holiday may be added: GOV.UK publishes two or three, a clock looks three ahead. */
export const BANK_HOLIDAY_YEARS_AHEAD = 5;

const DATE_LABEL = "Date of the bank holiday";

/** GOV.UK's message for a date input with some of its three boxes blank, e.g. "must include a day and year". */
function missingPartsMessage(parts: { day: string; month: string; year: string }): string | null {
  const missing = (["day", "month", "year"] as const).filter((part) => parts[part].trim() === "");
  if (missing.length === 0) return null;
  if (missing.length === 3) return "Enter the date of the bank holiday";
  return `${DATE_LABEL} must include a ${missing.join(" and ")}`;
}

/** The first day too late to add: 1 January, BANK_HOLIDAY_YEARS_AHEAD years after today's year. */
export function firstDayTooFarAhead(today: IsoDay): IsoDay {
  return `${Number(today.slice(0, 4)) + BANK_HOLIDAY_YEARS_AHEAD + 1}-01-01`;
}

/**
 * The day typed into the three boxes, or the one message GOV.UK's pattern gives for it. A day in
 * the past changes nothing (due times already given stay), so only today onwards; a Saturday or
 * Sunday is never a working day, so it must be the weekday the holiday is taken on (a substitute day).
 */
export function bankHolidayDayFrom(
  parts: { day: string; month: string; year: string },
  today: IsoDay,
): { day: IsoDay } | { error: string } {
  const missing = missingPartsMessage(parts);
  if (missing) return { error: missing };
  const day = ukDayFromParts(parts);
  if (!day) return { error: `${DATE_LABEL} must be a real date` };
  if (day < today) return { error: `${DATE_LABEL} must be today or in the future` };
  const tooFar = firstDayTooFarAhead(today);
  if (day >= tooFar) {
    return { error: `${DATE_LABEL} must be before ${formatUkDate(ukDayStart(tooFar))}` };
  }
  const weekday = ukWeekday(day);
  if (weekday === 0 || weekday === 6) {
    return { error: `${DATE_LABEL} must be a weekday: for a holiday at a weekend, enter its substitute day` };
  }
  return { day };
}

const noNul = (value: string) => !value.includes("\u0000");
const box = z.string().optional().default("");

function partsOf(input: { "date-day"?: string; "date-month"?: string; "date-year"?: string }) {
  return { day: input["date-day"] ?? "", month: input["date-month"] ?? "", year: input["date-year"] ?? "" };
}

/** What the add form posts: the date's three boxes and the holiday's name. */
export function addBankHolidaySchema(today: IsoDay) {
  return (
    z
      .strictObject({
        "date-day": box,
        "date-month": box,
        "date-year": box,
        name: z
          .string({ error: "Enter the name of the bank holiday" })
          .trim()
          .min(1, { error: "Enter the name of the bank holiday" })
          .max(BANK_HOLIDAY_NAME_MAX_LENGTH, {
            error: `Name must be ${BANK_HOLIDAY_NAME_MAX_LENGTH} characters or fewer`,
          })
          .refine(noNul, { error: "Remove the invisible characters from the name" }),
      })
      // A refinement, not the transform, so the date's error shows with the name's (GOV.UK lists them all).
      .superRefine((input, ctx) => {
        const checked = bankHolidayDayFrom(partsOf(input), today);
        if ("error" in checked) ctx.addIssue({ code: "custom", path: ["date"], message: checked.error });
      })
      .transform((input) => {
        const checked = bankHolidayDayFrom(partsOf(input), today);
        if ("error" in checked) throw new Error("unreachable: the refinement refused this date");
        return { day: checked.day, name: input.name };
      })
  );
}
export type AddBankHolidayInput = z.output<ReturnType<typeof addBankHolidaySchema>>;

/** What the "Are you sure" page posts: the day to remove, as YYYY-MM-DD. */
export const removeBankHolidaySchema = z.strictObject({
  day: z.iso.date({ error: "Choose a bank holiday" }),
});

/**
 * Whether a holiday may still be removed: only one still to come. Today's stays, like the past ones:
 * due times already given were counted with it, and taking it away would not change them.
 */
export function isRemovable(day: IsoDay, today: IsoDay): boolean {
  return day > today;
}

/** The holidays by year, earliest first, for the list page. */
export function holidaysByYear<Holiday extends { day: IsoDay }>(
  holidays: readonly Holiday[],
): { year: string; holidays: Holiday[] }[] {
  const years = new Map<string, Holiday[]>();
  for (const holiday of [...holidays].sort((a, b) => a.day.localeCompare(b.day))) {
    const year = holiday.day.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), holiday]);
  }
  return [...years].map(([year, list]) => ({ year, holidays: list }));
}
