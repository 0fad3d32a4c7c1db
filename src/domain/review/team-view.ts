// The supervisor's team view (issue 13): every decision of their team, reviewed or not, newest first,
// so an endorsed decision that has left the queue can be found again. Filters and the keyset cursor.
import { z } from "zod";
import type { ReviewStatus } from "./index";

export const TEAM_VIEW_PAGE_SIZE = 25;

/** The review statuses a supervisor can filter by, in the order the filter lists them. */
export const TEAM_VIEW_STATUSES = [
  "AWAITING_REVIEW",
  "CHALLENGED_NEEDS_ACTION",
  "CHALLENGED_REPLIED",
  "ENDORSED",
  "RECONSIDERED",
] as const satisfies readonly ReviewStatus[];

/** "flagged": any flag for review; "urgent": flagged for the short review period; "none": no flag. */
export const TEAM_VIEW_FLAGGED = ["flagged", "urgent", "none"] as const;
export type TeamViewFlagged = (typeof TEAM_VIEW_FLAGGED)[number];

const isoDay = z.iso.date({ error: "Enter a real date" });
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const teamViewFilterSchema = z
  .object({
    status: z.preprocess(blankToUndefined, z.enum(TEAM_VIEW_STATUSES).optional()),
    flagged: z.preprocess(blankToUndefined, z.enum(TEAM_VIEW_FLAGGED).optional()),
    from: z.preprocess(blankToUndefined, isoDay.optional()),
    to: z.preprocess(blankToUndefined, isoDay.optional()),
    after: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "The start date must be on or before the end date" });
export type TeamViewFilter = z.infer<typeof teamViewFilterSchema>;

/** Where a page of the team view ends: the next page holds the decisions strictly older than it. */
export interface TeamViewCursor {
  recordedAt: string;
  decisionId: string;
}

const cursorSchema = z.strictObject({ r: z.iso.datetime(), d: z.uuid() });

export function encodeTeamViewCursor(cursor: TeamViewCursor): string {
  return Buffer.from(JSON.stringify({ r: cursor.recordedAt, d: cursor.decisionId }), "utf8").toString("base64url");
}

/** Returns null for anything that is not a cursor this app made (cursors come from URLs). */
export function decodeTeamViewCursor(raw: string | undefined): TeamViewCursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? { recordedAt: parsed.data.r, decisionId: parsed.data.d } : null;
  } catch {
    return null;
  }
}
