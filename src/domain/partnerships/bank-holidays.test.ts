import { describe, expect, it } from "vitest";
import { addBankHolidaySchema, bankHolidayDayFrom, holidaysByYear, isRemovable } from "./bank-holidays";

const TODAY = "2026-11-30"; // a Monday

function parts(day: string, month: string, year: string) {
  return { day, month, year };
}

describe("the date of a bank holiday, as GOV.UK's date input asks for it", () => {
  it.each([
    [parts("", "", ""), "Enter the date of the bank holiday"],
    [parts("", "5", "2027"), "Date of the bank holiday must include a day"],
    [parts("3", "", ""), "Date of the bank holiday must include a month and year"],
    [parts("3", "5", " "), "Date of the bank holiday must include a year"],
    [parts("31", "2", "2027"), "Date of the bank holiday must be a real date"],
    [parts("3", "May", "2027"), "Date of the bank holiday must be a real date"],
    [parts("3", "5", "27"), "Date of the bank holiday must be a real date"],
    [parts("27", "11", "2026"), "Date of the bank holiday must be today or in the future"],
    [parts("1", "1", "2032"), "Date of the bank holiday must be before 1 January 2032"],
    [
      parts("1", "5", "2027"),
      "Date of the bank holiday must be a weekday: for a holiday at a weekend, enter its substitute day",
    ],
  ])("%o -> %s", (typed, message) => {
    expect(bankHolidayDayFrom(typed, TODAY)).toEqual({ error: message });
  });

  it("reads a real weekday, today or up to the end of the fifth year ahead, with leading zeros and spaces", () => {
    expect(bankHolidayDayFrom(parts("30", "11", "2026"), TODAY)).toEqual({ day: "2026-11-30" });
    expect(bankHolidayDayFrom(parts(" 03", "05 ", "2027"), TODAY)).toEqual({ day: "2027-05-03" });
    expect(bankHolidayDayFrom(parts("31", "12", "2031"), TODAY)).toEqual({ day: "2031-12-31" });
  });
});

describe("addBankHolidaySchema", () => {
  const schema = addBankHolidaySchema(TODAY);
  it("gives the day and the trimmed name", () => {
    const parsed = schema.parse({ "date-day": "3", "date-month": "5", "date-year": "2027", name: " Early May " });
    expect(parsed).toEqual({ day: "2027-05-03", name: "Early May" });
  });
  it("puts the date's error on the date field and the name's on the name", () => {
    const result = schema.safeParse({ "date-day": "31", "date-month": "2", "date-year": "2027", name: "  " });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["name", "Enter the name of the bank holiday"],
      ["date", "Date of the bank holiday must be a real date"],
    ]);
  });
  it("says what is wrong with the date when the name is fine", () => {
    const result = schema.safeParse({ "date-day": "", "date-month": "", "date-year": "", name: "Coronation" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["date", "Enter the date of the bank holiday"],
    ]);
  });
  it("refuses a name over 100 characters, a NUL and fields it does not know", () => {
    const base = { "date-day": "3", "date-month": "5", "date-year": "2027" };
    expect(schema.safeParse({ ...base, name: "x".repeat(101) }).success).toBe(false);
    expect(schema.safeParse({ ...base, name: "Early\u0000May" }).success).toBe(false);
    expect(schema.safeParse({ ...base, name: "Early May", division: "scotland" }).success).toBe(false);
  });
});

describe("removing and listing", () => {
  it("removes only a holiday still to come: today's and the past's stay", () => {
    expect(isRemovable("2026-12-25", TODAY)).toBe(true);
    expect(isRemovable(TODAY, TODAY)).toBe(false);
    expect(isRemovable("2026-08-31", TODAY)).toBe(false);
  });
  it("groups by year, earliest first", () => {
    const grouped = holidaysByYear([
      { day: "2027-01-01", name: "New Year's Day" },
      { day: "2026-12-28", name: "Boxing Day (substitute day)" },
      { day: "2026-12-25", name: "Christmas Day" },
    ]);
    expect(grouped.map((year) => [year.year, year.holidays.map((h) => h.day)])).toEqual([
      ["2026", ["2026-12-25", "2026-12-28"]],
      ["2027", ["2027-01-01"]],
    ]);
  });
});
