// Properties of the UK calendar across both clock changes (decision 013). The expected clock-change
// days are worked out here by plain UTC arithmetic (last Sunday of March and of October, the UK
// rule since 1996), independently of the time-zone library the module uses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addUkCalendarDays,
  dayParts,
  joinDateParts,
  ukDayFromParts,
  addUkDays,
  addUkYears,
  formatUkDate,
  formatUkDateTime,
  parseUkDate,
  recentUkMonths,
  ukDate,
  ukDayEnd,
  ukDayRange,
  ukDayStart,
  ukMonth,
} from "./index";

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

function lastSunday(year: number, monthIndex: number): string {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return iso(new Date(last.getTime() - last.getUTCDay() * 24 * HOUR));
}

/** Days from 1996 (the current UK rule) to 2100, as YYYY-MM-DD. */
const day = fc
  .date({ min: new Date("1996-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map(iso);
/** Days on or next to a clock change, where the mistakes would be. */
const clockChangeDay = fc
  .tuple(fc.integer({ min: 1996, max: 2100 }), fc.constantFrom(2, 9), fc.integer({ min: -1, max: 1 }))
  .map(([year, month, offset]) => {
    const noon = new Date(`${lastSunday(year, month)}T12:00:00Z`);
    return iso(new Date(noon.getTime() + offset * 24 * HOUR));
  });
const anyDay = fc.oneof(day, clockChangeDay);
const moment = fc.oneof(
  fc.date({ min: new Date("1996-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }),
  fc
    .tuple(clockChangeDay, fc.integer({ min: -3 * HOUR, max: 27 * HOUR }))
    .map(([d, ms]) => new Date(new Date(`${d}T00:00:00Z`).getTime() + ms)),
);
const wallClock = (m: Date) => formatUkDateTime(m).replace(/^.* at /, "");

describe("UK days", () => {
  it("a day starts at local midnight: on that day, and the millisecond before is the day before", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const start = ukDayStart(d);
        expect(ukDate(start)).toBe(d);
        expect(wallClock(start)).toBe("12:00am");
        expect(ukDate(new Date(start.getTime() - 1))).toBe(addUkDays(d, -1));
      }),
    );
  });

  it("consecutive days' starts are 23 h apart on the last Sunday of March, 25 h on October's, else 24 h", () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const year = Number(d.slice(0, 4));
        const hours = d === lastSunday(year, 2) ? 23 : d === lastSunday(year, 9) ? 25 : 24;
        expect((ukDayEnd(d).getTime() - ukDayStart(d).getTime()) / HOUR).toBe(hours);
        expect(ukDayEnd(d)).toEqual(ukDayStart(addUkDays(d, 1)));
      }),
    );
  });

  it("the clocks change at 01:00 UTC: BST days start at 23:00 UTC the day before, GMT days at midnight UTC", () => {
    expect(ukDayStart("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(ukDayStart("2026-03-30").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(ukDayStart("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(ukDayStart("2026-10-26").toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("every moment falls in exactly the day ukDate names, and a range from..to holds exactly its days", () => {
    fc.assert(
      fc.property(moment, anyDay, anyDay, (m, a, b) => {
        const d = ukDate(m);
        expect(ukDayStart(d).getTime()).toBeLessThanOrEqual(m.getTime());
        expect(ukDayEnd(d).getTime()).toBeGreaterThan(m.getTime());
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { start, end } = ukDayRange(from, to);
        const inside = m.getTime() >= start!.getTime() && m.getTime() < end!.getTime();
        expect(inside).toBe(d >= from && d <= to);
      }),
    );
  });

  it("refuses days that do not exist", () => {
    for (const bad of ["2026-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1"]) {
      expect(() => ukDayStart(bad)).toThrow(RangeError);
    }
  });
});

describe("UK due dates", () => {
  it("N calendar days on keeps the UK time of day and moves the UK date by N, across clock changes", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 400 }), (m, n) => {
        const due = addUkCalendarDays(m, n);
        expect(ukDate(due)).toBe(addUkDays(ukDate(m), n));
        // Only a time inside the hour the clocks skip, or the repeated hour, cannot keep its wall time exactly.
        const inChangedHour = (t: Date) => /^1:\d\dam$/.test(wallClock(t));
        if (!inChangedHour(m) && !inChangedHour(due)) expect(wallClock(due)).toBe(wallClock(m));
      }),
    );
  });

  it("N years on is the UK anniversary, 29 February becoming 28 February", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 100 }), (m, years) => {
        const until = addUkYears(m, years);
        const [y, rest] = [Number(ukDate(m).slice(0, 4)), ukDate(m).slice(4)];
        const expected = `${y + years}${rest}`;
        const leapDayGone = rest === "-02-29" && ukDate(until).slice(5) === "02-28";
        expect(ukDate(until)).toBe(leapDayGone ? `${y + years}-02-28` : expected);
      }),
    );
    expect(ukDate(addUkYears(new Date("2028-02-29T12:00:00Z"), 1))).toBe("2029-02-28");
  });
});

describe("UK months", () => {
  it("the recent months are consecutive, bounded by UK midnights of each first day", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 24 }), (now, count) => {
        const months = recentUkMonths(now, count);
        expect(months).toHaveLength(count);
        expect(months.at(-1)!.month).toBe(ukMonth(now));
        for (const [i, m] of months.entries()) {
          expect(m.start).toEqual(ukDayStart(`${m.month}-01`));
          if (i > 0) expect(m.start).toEqual(months[i - 1]!.end);
        }
      }),
    );
  });
});

describe("UK display", () => {
  it("formats GOV.UK style in UK time", () => {
    expect(formatUkDateTime(new Date("2026-06-04T13:30:00Z"))).toBe("4 June 2026 at 2:30pm");
    expect(formatUkDateTime(new Date("2026-01-04T00:05:00Z"))).toBe("4 January 2026 at 12:05am");
    expect(formatUkDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
  });

  it("a formatted date reads back as the day it shows", () => {
    fc.assert(
      fc.property(anyDay, moment, (d, m) => {
        expect(parseUkDate(formatUkDate(ukDayStart(d)))).toBe(d);
        expect(parseUkDate(formatUkDate(m))).toBe(ukDate(m));
      }),
    );
    expect(parseUkDate("31 February 2026")).toBeNull();
  });
});

describe("the GOV.UK date input's three boxes", () => {
  it("give a real UK calendar day, as typed with or without leading zeros", () => {
    expect(ukDayFromParts({ day: "9", month: "3", year: "2026" })).toBe("2026-03-09");
    expect(ukDayFromParts({ day: " 09 ", month: "03", year: "2026" })).toBe("2026-03-09");
    expect(ukDayFromParts({ day: "29", month: "2", year: "2028" })).toBe("2028-02-29");
    // The day the clocks go forward is a whole day all the same.
    expect(ukDayFromParts({ day: "29", month: "3", year: "2026" })).toBe("2026-03-29");
  });

  it("are not a day when the day does not exist or is not written as numbers", () => {
    for (const parts of [
      { day: "29", month: "2", year: "2026" },
      { day: "31", month: "4", year: "2026" },
      { day: "0", month: "1", year: "2026" },
      { day: "1", month: "13", year: "2026" },
      { day: "1", month: "1", year: "26" },
      { day: "1st", month: "1", year: "2026" },
      { day: "", month: "1", year: "2026" },
      { day: "1", month: "Jan", year: "2026" },
    ]) {
      expect(ukDayFromParts(parts), JSON.stringify(parts)).toBeNull();
    }
  });

  it("show a day back in its boxes", () => {
    expect(dayParts("2026-03-09")).toEqual({ day: "9", month: "3", year: "2026" });
    expect(dayParts(undefined)).toEqual({ day: "", month: "", year: "" });
    expect(dayParts("nonsense")).toEqual({ day: "", month: "", year: "" });
  });

  it("join into the one parameter a search reads, leaving blank boxes as no filter", () => {
    expect(
      joinDateParts(
        {
          "from-day": "9",
          "from-month": "3",
          "from-year": "2026",
          "to-day": "",
          "to-month": "",
          "to-year": "",
          q: "x",
        },
        ["from", "to"],
      ),
    ).toEqual({ from: "2026-03-09", q: "x" });
    expect(joinDateParts({ "to-day": "31", "to-month": "2", "to-year": "2026" }, ["to"])).toEqual({ to: "2026-2-31" });
    expect(joinDateParts({ from: "2026-01-01", before: "10" }, ["from"])).toEqual({ from: "2026-01-01", before: "10" });
  });
});
