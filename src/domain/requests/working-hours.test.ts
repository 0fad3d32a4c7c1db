import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ukDate, ukMoment } from "@/domain/calendar";
import { dueAt, isWorkingDay, reminderAt, workingCalendar, workingTimeBetween } from "./working-hours";

// England and Wales bank holidays around the cases below (www.gov.uk/bank-holidays).
const EW_2026 = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31"];
const CALENDAR = workingCalendar([...EW_2026, "2026-12-25", "2026-12-28", "2027-01-01"]);
const NO_HOLIDAYS = workingCalendar([]);
const HOUR = 3_600_000;

describe("dueAt: working hours, Monday to Friday 09:00-17:00 UK time", () => {
  // What each case shows, when the request arrives, its response time in hours, and when it is due.
  it.each<[string, string, number, string]>([
    [
      "runs within one day (Monday 30 November 2026, 10:00 GMT, Red)",
      "2026-11-30T10:00:00Z",
      4,
      "2026-11-30T14:00:00Z",
    ],
    [
      "is due at closing time when the hours run out exactly then, not the next morning (Monday 09:00, Amber: " +
        "three full days, so Wednesday 17:00)",
      "2026-11-30T09:00:00Z",
      24,
      "2026-12-02T17:00:00Z",
    ],
    [
      "carries a request received at 16:55 on a Friday over the weekend (5 minutes on Friday 27 November, " +
        "3 h 55 min on Monday 30 November)",
      "2026-11-27T16:55:00Z",
      4,
      "2026-11-30T12:55:00Z",
    ],
    [
      "starts the clock when the office opens: received at the weekend",
      "2026-11-28T10:00:00Z",
      24,
      "2026-12-02T17:00:00Z",
    ],
    [
      "starts the clock when the office opens: received after closing",
      "2026-11-30T17:30:00Z",
      4,
      "2026-12-01T13:00:00Z",
    ],
    [
      "starts the clock when the office opens: received before opening",
      "2026-12-01T06:00:00Z",
      4,
      "2026-12-01T13:00:00Z",
    ],
    [
      "skips Good Friday and Easter Monday (Thursday 2 April 2026 15:00 BST: 2 h on Thursday, then Tuesday " +
        "7 April 09:00-11:00 BST)",
      "2026-04-02T14:00:00Z",
      4,
      "2026-04-07T10:00:00Z",
    ],
    [
      "keeps office hours on UK wall-clock time across the autumn change (Friday 23 October 2026 15:00 BST: 2 h " +
        "to 17:00 BST, then Monday 26 October (GMT) 09:00-11:00)",
      "2026-10-23T14:00:00Z",
      4,
      "2026-10-26T11:00:00Z",
    ],
    [
      "keeps office hours on UK wall-clock time across the spring change (Friday 27 March 2026 16:00 GMT: 1 h, " +
        "then Monday 30 March 09:00 BST + 3 h)",
      "2026-03-27T16:00:00Z",
      4,
      "2026-03-30T11:00:00Z",
    ],
    [
      "Green (72 hours) is nine working days (Monday 30 November 2026 09:00 to Thursday 10 December 17:00)",
      "2026-11-30T09:00:00Z",
      72,
      "2026-12-10T17:00:00Z",
    ],
  ])("%s", (_, received, hours, due) => {
    expect(dueAt(new Date(received), hours, CALENDAR)).toEqual(new Date(due));
  });

  it("skips bank holidays, which are data: Christmas 2026 with Boxing Day's substitute on Monday 28th", () => {
    const christmasEve = new Date("2026-12-24T16:00:00Z");
    expect(dueAt(christmasEve, 4, CALENDAR)).toEqual(new Date("2026-12-29T12:00:00Z"));
    // The same request on a calendar that knows no holidays is due on Christmas Day.
    expect(dueAt(christmasEve, 4, NO_HOLIDAYS)).toEqual(new Date("2026-12-25T12:00:00Z"));
  });

  it("refuses a response time that is not positive", () => {
    expect(() => dueAt(new Date(), 0, CALENDAR)).toThrow(RangeError);
    expect(() => dueAt(new Date(), Number.NaN, CALENDAR)).toThrow(RangeError);
  });

  it("reminds when three quarters of the time has gone", () => {
    expect(reminderAt(new Date("2026-11-30T10:00:00Z"), 4, CALENDAR)).toEqual(new Date("2026-11-30T13:00:00Z"));
  });
});

describe("properties, 2026-2027 with the holidays above", () => {
  const moments = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) })
    .map((ms) => new Date(ms - (ms % 60_000)));
  const hours = fc.constantFrom(1, 4, 8, 24, 72, 0.5, 13);

  it("the working time from receipt to due is exactly the response time", () => {
    fc.assert(
      fc.property(moments, hours, (received, h) => {
        const due = dueAt(received, h, CALENDAR);
        expect(workingTimeBetween(received, due, CALENDAR)).toBe(h * HOUR);
      }),
    );
  });

  it("a response is due inside office hours on a working day", () => {
    fc.assert(
      fc.property(moments, hours, (received, h) => {
        const due = dueAt(received, h, CALENDAR);
        const day = ukDate(due);
        expect(isWorkingDay(day, CALENDAR)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(ukMoment(day, 9).getTime());
        expect(due.getTime()).toBeLessThanOrEqual(ukMoment(day, 17).getTime());
      }),
    );
  });
});
