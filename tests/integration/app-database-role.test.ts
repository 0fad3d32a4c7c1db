// The app's restricted role (infoshare_app), as `npm start` connects the app: it can read and
// append evidence but never change or remove it, and it owns nothing it could alter.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../../scripts/lib/app-role";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import { appendAuditEvent } from "@/server/audit/append-audit-event";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  appRolePrisma,
  asAppRoleRolledBack,
  expectDeniedToAppRole,
  serverDatabaseUrl,
  withAppRole,
  withSuperuser,
} from "./support";

const PERMISSION_DENIED = "42501";

async function failureOf(
  client: pg.Client,
  sql: string,
  params: unknown[] = [],
): Promise<{ code?: string; message: string }> {
  await client.query("SAVEPOINT attempt");
  try {
    await client.query(sql, params);
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT attempt");
    const { code, message } = error as pg.DatabaseError;
    return { code, message };
  }
  throw new Error(`expected to fail: ${sql}`);
}

let prisma: PrismaClient;
let eventId: string;
let decisionId: string;

beforeAll(async () => {
  prisma = appRolePrisma(2);
  // The app's own write path works as the role: an audit append (head row + event).
  const appended = await prisma.$transaction((tx) =>
    appendAuditEvent(tx, {
      actorId: null,
      actorRole: null,
      organisationId: randomUUID(),
      action: "test.app-role",
      objectType: null,
      objectId: null,
      caseReference: null,
      requestId: null,
      ip: null,
      outcome: "SUCCESS",
      detail: {},
    }),
  );
  eventId = appended.id.toString();

  // A decision, inserted by the role itself (the wizard's use case does the same through Prisma).
  decisionId = randomUUID();
  await withAppRole(async (client) => {
    const author = await client.query<{ id: string; organisation_id: string }>(
      "SELECT id, organisation_id FROM app_user WHERE email = 'sam.patel@northshire.example'",
    );
    const { id: authorId, organisation_id: organisationId } = author.rows[0]!;
    await client.query(
      `INSERT INTO decision (id, reference, draft_id, kind, organisation_id, author_id, case_reference, urgency,
                             origin, concern_categories, child_at_risk, indication, outcome,
                             departs_from_indication, review_flags, consent_status, lawful_basis_ids,
                             guidance_version, decision_date, review_due_at, retain_until, record)
       VALUES ($1, $2, $3, 'ORIGINAL', $4, $5, 'CASE-ROLE-1', 'routine',
               'test', '{}', false, 'share', 'SHARE',
               false, '{}', 'not-needed', '{}',
               'test', CURRENT_DATE, now() + interval '1 year', now() + interval '6 years', '{}')`,
      [decisionId, `ROLE-${decisionId.slice(0, 8)}`, randomUUID(), organisationId, authorId],
    );
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the app's database role", () => {
  it("is a plain login role that owns nothing", async () => {
    const role = await withSuperuser((client) =>
      client.query(
        `SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolcanlogin,
                (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned
           FROM pg_roles r WHERE rolname = $1`,
        [APP_ROLE],
      ),
    );
    expect(role.rows[0]).toEqual({
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
      rolcanlogin: true,
      owned: "0",
    });
    expect(await withAppRole(async (client) => (await client.query("SELECT current_user AS u")).rows[0].u)).toBe(
      APP_ROLE,
    );
  });

  it("can SELECT and INSERT audit events and decisions", async () => {
    await withAppRole(async (client) => {
      expect((await client.query("SELECT hash FROM audit_event WHERE id = $1", [eventId])).rowCount).toBe(1);
      expect((await client.query("SELECT reference FROM decision WHERE id = $1", [decisionId])).rowCount).toBe(1);
    });
  });

  for (const table of ["audit_event", "decision"] as const) {
    describe(`on ${table}`, () => {
      const idOf = () => (table === "audit_event" ? eventId : decisionId);
      const column = table === "audit_event" ? "action" : "urgency";

      it("refuses UPDATE by privilege, before any trigger", async () => {
        const failure = await asAppRoleRolledBack((client) =>
          failureOf(client, `UPDATE ${table} SET ${column} = 'changed' WHERE id = $1`, [idOf()]),
        );
        expect(failure).toMatchObject({ code: PERMISSION_DENIED, message: `permission denied for table ${table}` });
      });

      it("refuses DELETE", async () => {
        const failure = await asAppRoleRolledBack((client) =>
          failureOf(client, `DELETE FROM ${table} WHERE id = $1`, [idOf()]),
        );
        expect(failure).toMatchObject({ code: PERMISSION_DENIED, message: `permission denied for table ${table}` });
      });

      it("refuses TRUNCATE", async () => {
        const failure = await asAppRoleRolledBack((client) => failureOf(client, `TRUNCATE ${table} CASCADE`));
        expect(failure).toMatchObject({ code: PERMISSION_DENIED, message: `permission denied for table ${table}` });
      });

      it("cannot switch off the append-only triggers", async () => {
        await asAppRoleRolledBack(async (client) => {
          expect(await failureOf(client, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toMatchObject({
            message: `must be owner of table ${table}`,
          });
          expect(await failureOf(client, "SET LOCAL session_replication_role = replica")).toMatchObject({
            code: PERMISSION_DENIED,
          });
        });
      });
    });
  }

  it("leaves the rows untouched", async () => {
    const rows = await withSuperuser(async (client) => ({
      event: (await client.query("SELECT action FROM audit_event WHERE id = $1", [eventId])).rows[0]?.action,
      decision: (await client.query("SELECT urgency FROM decision WHERE id = $1", [decisionId])).rows[0]?.urgency,
    }));
    expect(rows).toEqual({ event: "test.app-role", decision: "routine" });
  });

  it("can move a chain head forward but not remove it", async () => {
    await asAppRoleRolledBack(async (client) => {
      await client.query("SELECT last_seq FROM audit_chain_head FOR UPDATE");
      expect(await failureOf(client, "DELETE FROM audit_chain_head")).toMatchObject({ code: PERMISSION_DENIED });
    });
  });

  it("can read but not write the migrations table", async () => {
    await asAppRoleRolledBack(async (client) => {
      expect((await client.query("SELECT count(*) FROM _prisma_migrations")).rowCount).toBe(1);
      expect(await failureOf(client, "DELETE FROM _prisma_migrations")).toMatchObject({ code: PERMISSION_DENIED });
    });
  });

  // Records the app writes once and never rewrites, refused by the grants of their migrations (issue 14).
  it.each([
    [
      "a request's content, its answer or its history",
      [
        "UPDATE information_request SET purpose = 'changed'",
        "UPDATE information_request_answer SET body = 'changed'",
        "DELETE FROM information_request_event",
        "DELETE FROM information_request",
        "UPDATE partnership_member SET contact_team_id = contact_team_id",
        "UPDATE request_timer SET due_at = now()",
        "DELETE FROM request_timer",
      ],
    ],
    [
      "an escalation of a request or a lead partner's decision on it",
      [
        "UPDATE request_escalation SET reasons = 'changed'",
        "DELETE FROM request_escalation",
        "UPDATE request_escalation_decision SET outcome = 'UPHOLD'",
        "DELETE FROM request_escalation_decision",
      ],
    ],
  ])("cannot change or remove %s", async (_records, statements) => {
    await expectDeniedToAppRole(statements);
  });

  it("has no UPDATE, DELETE or TRUNCATE on any table guarded by an append-only trigger", async () => {
    const guarded = await withSuperuser((client) =>
      client.query<{
        table_name: string;
        can_update: boolean;
        can_delete: boolean;
        can_truncate: boolean;
        can_insert: boolean;
      }>(
        `SELECT DISTINCT c.relname AS table_name,
                has_table_privilege($1, c.oid, 'UPDATE') AS can_update,
                has_table_privilege($1, c.oid, 'DELETE') AS can_delete,
                has_table_privilege($1, c.oid, 'TRUNCATE') AS can_truncate,
                has_table_privilege($1, c.oid, 'INSERT') AS can_insert
           FROM pg_trigger t
           JOIN pg_class c ON c.oid = t.tgrelid
           JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE NOT t.tgisinternal AND p.proname IN ('audit_event_refuse_change', 'refuse_change_to_record')
          ORDER BY 1`,
        [APP_ROLE],
      ),
    );
    expect(guarded.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["audit_event", "decision"]));
    for (const row of guarded.rows) {
      expect(row, `${row.table_name} is append-only: REVOKE UPDATE, DELETE from ${APP_ROLE} in its migration`).toEqual({
        table_name: row.table_name,
        can_update: false,
        can_delete: false,
        can_truncate: false,
        can_insert: true,
      });
    }
  });

  it("gets row access to tables that later migrations create (default privileges)", async () => {
    const privileges = await withSuperuser(async (client) => {
      await client.query("BEGIN");
      try {
        await client.query("CREATE TABLE later_table (id bigserial PRIMARY KEY)");
        const result = await client.query(
          `SELECT has_table_privilege($1, 'later_table', 'SELECT, INSERT, UPDATE, DELETE') AS rows,
                  has_table_privilege($1, 'later_table', 'TRUNCATE') AS truncate,
                  has_sequence_privilege($1, 'later_table_id_seq', 'USAGE') AS sequence`,
          [APP_ROLE],
        );
        return result.rows[0];
      } finally {
        await client.query("ROLLBACK");
      }
    });
    expect(privileges).toEqual({ rows: true, truncate: false, sequence: true });
  });

  it("survives the migration running again in another database of the cluster", async () => {
    const serverUrl = serverDatabaseUrl();
    const name = uniqueDatabaseName("infoshare_role");
    try {
      const otherUrl = await createDatabase(serverUrl, name);
      await applyMigrations(otherUrl);
      const other = new pg.Client({ connectionString: otherUrl });
      await other.connect();
      try {
        const grants = await other.query(
          `SELECT has_table_privilege($1, 'audit_event', 'UPDATE') AS u,
                  has_table_privilege($1, 'audit_event', 'INSERT') AS i`,
          [APP_ROLE],
        );
        expect(grants.rows[0]).toEqual({ u: false, i: true });
      } finally {
        await other.end();
      }
      // The existing role kept its LOGIN and password: the app can still connect.
      expect(await withAppRole(async (client) => (await client.query("SELECT 1 AS one")).rows[0].one)).toBe(1);
    } finally {
      await dropDatabase(serverUrl, name);
    }
  });
});
