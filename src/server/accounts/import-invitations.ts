import "server-only";
import { type InvitationRow, checkInvitationCsv } from "@/domain/accounts/invitation-csv";
import { type UseCaseResult, fail } from "@/domain/errors";
import { importCsvSchema } from "@/schemas/accounts";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { fieldErrorsFrom } from "@/server/field-errors";
import { type Tx, db } from "@/server/infra/db";
import { createInvitation } from "./invitations";
import { withUserInput } from "@/server/use-case";

export type ImportPreviewResult = UseCaseResult<{ rows: InvitationRow[]; valid: number; invalid: number }>;
export type ImportInvitationsResult = UseCaseResult<{ invited: number; skipped: number }>;

async function checkAgainstDatabase(tx: Tx, admin: SignedInUser, csv: string) {
  const teams = await tx.team.findMany({ where: { organisationId: admin.organisationId } });
  const emails = [...new Set(csv.toLowerCase().match(/[^\s,;<>"]+@[^\s,;<>"]+/g) ?? [])];
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  const invited = await tx.invitation.findMany({
    where: { email: { in: emails }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true },
  });
  return checkInvitationCsv(csv, {
    teamsByName: new Map(teams.map((team) => [team.name.toLowerCase(), team.id])),
    takenEmails: new Set([...users, ...invited].map((row) => row.email)),
  });
}

/** Every row checked, nothing written: what the import would do, and each row's problems. */
export async function previewInvitationImport(admin: SignedInUser, raw: unknown): Promise<ImportPreviewResult> {
  const parsed = importCsvSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { rows, problem } = await db().$transaction((tx) => checkAgainstDatabase(tx, admin, parsed.data.csv));
  if (problem) return fail.invalid([{ field: "csv", message: problem }]);
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  return { ok: true, rows, valid: rows.length - invalid, invalid };
}

/**
 * Invites the valid rows of a CSV the admin has previewed, all in one transaction (decision 019):
 * the rows are checked again inside it, so what was valid in the preview but has since been
 * taken is skipped, not half-written. One invitation.create event per person, and one
 * invitation.import event for the whole file.
 */
export const importInvitations = withUserInput(
  importCsvSchema,
  async (admin, input, meta): Promise<ImportInvitationsResult> => {
    return db().$transaction(
      async (tx): Promise<ImportInvitationsResult> => {
        const { rows, problem } = await checkAgainstDatabase(tx, admin, input.csv);
        if (problem) return fail.invalid([{ field: "csv", message: problem }]);
        const valid = rows.filter((row) => row.errors.length === 0 && row.role);
        if (valid.length === 0) return fail.invalid([{ field: "csv", message: "No row of the file can be imported" }]);
        for (const row of valid) {
          await createInvitation(
            tx,
            admin,
            meta,
            { name: row.name, email: row.email, role: row.role!, teamId: row.teamId },
            "csv",
          );
        }
        await appendAuditEvent(
          tx,
          auditEntry(admin, meta, {
            action: "invitation.import",
            objectType: "organisation",
            objectId: admin.organisationId,
            outcome: "SUCCESS",
            detail: { invited: valid.length, skipped: rows.length - valid.length },
          }),
        );
        return { ok: true, invited: valid.length, skipped: rows.length - valid.length };
      },
      { timeout: 60_000 },
    );
  },
);
