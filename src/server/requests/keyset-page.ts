import "server-only";
import { z } from "zod";

/** The query of a list of requests paged by keyset: open ones by default, or all; the cursor to page on. */
export const pagedListQuerySchema = z.object({
  show: z.enum(["open", "all"]).catch("open"),
  after: z.string().max(100).optional(),
});

/**
 * "<ISO time>_<id>": the keyset of the last row shown (a time, then the id, as the list's index orders
 * them). Null for the first page, and for anything else posted as a cursor.
 */
export function parseCursor(after: string | undefined): { at: Date; id: string } | null {
  if (!after) return null;
  const [time, id] = after.split("_");
  const at = new Date(time ?? "");
  if (Number.isNaN(at.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { at, id: id! };
}

/** The page's rows and the cursor of the next page (null on the last) from `size + 1` rows read. */
export function keysetPage<Row extends { id: string }>(
  rows: Row[],
  size: number,
  keyOf: (row: Row) => Date,
): { page: Row[]; next: string | null } {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return { page, next: rows.length > size && last ? `${keyOf(last).toISOString()}_${last.id}` : null };
}
