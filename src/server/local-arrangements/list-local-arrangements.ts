import "server-only";
import type { ArrangementKind, LocalArrangement } from "@/domain/local-arrangements";
import { db } from "@/server/infra/db";

/**
 * The arrangements in force in an organisation (not archived), for the wizard and the admin page.
 * Not personal data and not audited to read: they are the organisation's own published protocols.
 */
export async function listLocalArrangements(organisationId: string): Promise<LocalArrangement[]> {
  const rows = await db().localArrangement.findMany({
    where: { organisationId, archivedAt: null },
    orderBy: [{ kind: "asc" }, { title: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ArrangementKind,
    title: row.title,
    parties: row.parties,
    detail: row.detail,
    link: row.link,
    agreedOn: row.agreedOn ? row.agreedOn.toISOString().slice(0, 10) : null,
    version: row.version,
    updatedAt: row.updatedAt,
  }));
}
