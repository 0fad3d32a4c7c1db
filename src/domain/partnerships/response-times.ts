// A partnership's response times (issue 14, decision 033): the working hours each priority gives a
// partner to answer. Whole hours, 1 to 240 (30 working days of 8 hours), and each priority faster
// than the next: Red before Amber before Green, or the priorities would mean nothing.
import { z } from "zod";
import { PRIORITIES, PRIORITY_LABELS, type Priority } from "@/domain/requests";

export const RESPONSE_HOURS_MIN = 1;
export const RESPONSE_HOURS_MAX = 240;

/** The form's field for each priority. */
export const RESPONSE_TIME_FIELDS: Record<Priority, "red" | "amber" | "green"> = {
  RED: "red",
  AMBER: "amber",
  GREEN: "green",
};

function isValidHours(hours: unknown): hours is number {
  return (
    typeof hours === "number" && Number.isInteger(hours) && hours >= RESPONSE_HOURS_MIN && hours <= RESPONSE_HOURS_MAX
  );
}

/** GOV.UK's message for what was typed in one box, or null when it is a valid number of hours. */
function hoursProblem(priority: Priority, text: string): string | null {
  const label = `${PRIORITY_LABELS[priority]} response time`;
  if (text === "") return `Enter the ${label} in working hours`;
  if (!/^\d+$/.test(text)) return `${label} must be a whole number of hours, like 4`;
  if (!isValidHours(Number(text))) {
    return `${label} must be between ${RESPONSE_HOURS_MIN} and ${RESPONSE_HOURS_MAX} working hours`;
  }
  return null;
}

const box = z.string().trim().optional().default("");

/**
 * What the change form posts: the partnership and three numbers of working hours. The boxes are
 * checked together in one refinement, so every box's problem is listed at once (GOV.UK's error
 * summary), the order only between boxes that hold valid hours.
 */
export const responseTimesSchema = z
  .strictObject({ partnershipId: z.uuid({ error: "Choose a partnership" }), red: box, amber: box, green: box })
  .superRefine((input, ctx) => {
    const valid: Partial<Record<Priority, number>> = {};
    for (const priority of PRIORITIES) {
      const field = RESPONSE_TIME_FIELDS[priority];
      const message = hoursProblem(priority, input[field]);
      if (message) ctx.addIssue({ code: "custom", path: [field], message });
      else valid[priority] = Number(input[field]);
    }
    const ordered: [Priority, Priority][] = [
      ["RED", "AMBER"],
      ["AMBER", "GREEN"],
    ];
    for (const [faster, slower] of ordered) {
      const [fast, slow] = [valid[faster], valid[slower]];
      if (fast !== undefined && slow !== undefined && slow <= fast)
        ctx.addIssue({
          code: "custom",
          path: [RESPONSE_TIME_FIELDS[slower]],
          message:
            `${PRIORITY_LABELS[slower]} response time must be longer than ` +
            `${PRIORITY_LABELS[faster]} (${fast} ${fast === 1 ? "hour" : "hours"})`,
        });
    }
  })
  .transform((input): { partnershipId: string; hours: Record<Priority, number> } => ({
    partnershipId: input.partnershipId,
    hours: { RED: Number(input.red), AMBER: Number(input.amber), GREEN: Number(input.green) },
  }));
export type ResponseTimesInput = z.output<typeof responseTimesSchema>;

/** The hours that differ between two sets, for the audit event's before and after. */
export function changedHours(
  before: Record<Priority, number>,
  after: Record<Priority, number>,
): { before: Partial<Record<Priority, number>>; after: Partial<Record<Priority, number>> } {
  const changed = PRIORITIES.filter((priority) => before[priority] !== after[priority]);
  return {
    before: Object.fromEntries(changed.map((priority) => [priority, before[priority]])),
    after: Object.fromEntries(changed.map((priority) => [priority, after[priority]])),
  };
}
