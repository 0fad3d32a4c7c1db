import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { OPEN_STATUSES, type Priority, type RequestStatus, isOverdue } from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { keysetPage, pagedListQuerySchema, parseCursor } from "./keyset-page";

export const INBOX_PAGE_SIZE = 25;

export interface InboxRow {
  reference: string;
  requestingOrganisation: string;
  childName: string;
  priority: Priority;
  status: RequestStatus;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
  assignedTo: string | null;
}

export type ListRequestInboxResult = UseCaseResult<{
  contactTeam: string | null;
  rows: InboxRow[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}>;

/**
 * The contact team's inbox: the requests partners sent to the user's team, what is due first at
 * the top, keyset-paged on (due_at, id) along information_request's index on (responding
 * organisation, due_at, id). Someone outside their organisation's contact team has no inbox.
 */
export async function listRequestInbox(
  user: SignedInUser,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<ListRequestInboxResult> {
  const query = pagedListQuerySchema.safeParse(raw);
  if (!query.success) return fail.invalid([{ field: "show", message: "Choose which requests to show" }]);
  const membership = user.teamId
    ? await db().partnershipMember.findFirst({
        where: { organisationId: user.organisationId, contactTeamId: user.teamId },
        select: { contactTeam: { select: { name: true } } },
      })
    : null;
  if (!membership || !user.teamId) return { ok: true, contactTeam: null, rows: [], next: null };
  const cursor = parseCursor(query.data.after);
  // As the enum, not text, so the index on (responding organisation, status, due_at, id) serves "open".
  const statuses =
    query.data.show === "open" ? OPEN_STATUSES.map((s) => Prisma.sql`${s}::"InformationRequestStatus"`) : undefined;
  const rows = await db().$queryRaw<
    {
      reference: string;
      requesting_organisation: string;
      child_name: string;
      priority: Priority;
      status: RequestStatus;
      received_at: Date;
      due_at: Date;
      id: string;
      assigned_to: string | null;
    }[]
  >`
    SELECT r.reference, o.name AS requesting_organisation, r.child_name, r.priority::text AS priority,
           r.status::text AS status, r.received_at, r.due_at, r.id, u.name AS assigned_to
      FROM information_request r
      JOIN organisation o ON o.id = r.requesting_organisation_id
      LEFT JOIN app_user u ON u.id = r.assigned_to_id
     WHERE r.responding_organisation_id = ${user.organisationId}::uuid
       AND r.contact_team_id = ${user.teamId}::uuid
       ${statuses ? Prisma.sql`AND r.status IN (${Prisma.join(statuses)})` : Prisma.empty}
       ${cursor ? Prisma.sql`AND (r.due_at, r.id) > (${cursor.at}, ${cursor.id}::uuid)` : Prisma.empty}
     ORDER BY r.due_at, r.id
     LIMIT ${INBOX_PAGE_SIZE + 1}`;
  const { page, next } = keysetPage(rows, INBOX_PAGE_SIZE, (r) => r.due_at);
  return {
    ok: true,
    contactTeam: membership.contactTeam.name,
    rows: page.map((r) => ({
      reference: r.reference,
      requestingOrganisation: r.requesting_organisation,
      childName: r.child_name,
      priority: r.priority,
      status: r.status,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      overdue: isOverdue(r.status, r.due_at, now),
      assignedTo: r.assigned_to,
    })),
    next,
  };
}
