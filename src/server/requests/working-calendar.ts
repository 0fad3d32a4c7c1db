import "server-only";
import { type WorkingCalendar, workingCalendar } from "@/domain/requests";
import type { Tx } from "@/server/infra/db";
import { db } from "@/server/infra/db";

/**
 * The working calendar of England and Wales from the bank_holiday table (data an admin keeps up
 * to date, decision 028). Holidays from a year before to three years after `around`: enough for any
 * response time, a few dozen rows.
 */
export async function loadWorkingCalendar(around: Date, client: Tx = db()): Promise<WorkingCalendar> {
  const from = new Date(around.getTime() - 366 * 86_400_000);
  const to = new Date(around.getTime() + 3 * 366 * 86_400_000);
  const rows = await client.bankHoliday.findMany({
    where: { division: "england-and-wales", day: { gte: from, lte: to } },
    select: { day: true },
  });
  // A DATE column arrives as midnight UTC of that day.
  return workingCalendar(rows.map((row) => row.day.toISOString().slice(0, 10)));
}
