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

function hoursOf(priority: Priority) {
  const label = `${PRIORITY_LABELS[priority]} response time`;
  return z
    .string({ error: `Enter the ${label} in working hours` })
    .trim()
    .min(1, { error: `Enter the ${label} in working hours`, abort: true })
    .regex(/^\d+$/, { error: `${label} must be a whole number of hours, like 4` })
    .transform(Number)
    .refine(isValidHours, {
      error: `${label} must be between ${RESPONSE_HOURS_MIN} and ${RESPONSE_HOURS_MAX} working hours`,
    });
}

/** What the change form posts: the partnership and three numbers of working hours. */
export const responseTimesSchema = z
  .strictObject({
    partnershipId: z.uuid({ error: "Choose a partnership" }),
    red: hoursOf("RED"),
    amber: hoursOf("AMBER"),
    green: hoursOf("GREEN"),
  })
  .superRefine((input, ctx) => {
    const ordered: [Priority, Priority][] = [
      ["RED", "AMBER"],
      ["AMBER", "GREEN"],
    ];
    for (const [faster, slower] of ordered) {
      const [fast, slow] = [input[RESPONSE_TIME_FIELDS[faster]], input[RESPONSE_TIME_FIELDS[slower]]];
      // Compared only when both are valid: a box with its own error says that first.
      if (isValidHours(fast) && isValidHours(slow) && slow <= fast)
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
    hours: { RED: input.red, AMBER: input.amber, GREEN: input.green },
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
