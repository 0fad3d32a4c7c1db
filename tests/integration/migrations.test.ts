// The migrations folder against a real PostgreSQL: no drift from prisma/schema.prisma, the
// applier behaves like Prisma Migrate, and the hand-written audit protections hold.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { withClient } from "../../scripts/lib/harness/database";
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  diffSchemas,
  MigrationError,
  migrationStatus,
  readLocalMigrations,
  REPO_ROOT,
} from "../../scripts/lib/migrations";
import { ownerDatabaseUrl, serverDatabaseUrl } from "./support";

// This file's own database (cloned from the migrated template); others are made on the same server.
const databaseUrl = ownerDatabaseUrl();
const serverUrl = serverDatabaseUrl();
const createdDatabases: string[] = [];
const temporaryFolders: string[] = [];

async function freshDatabase(purpose: string): Promise<string> {
  const name = uniqueDatabaseName(`infoshare_${purpose}`);
  createdDatabases.push(name);
  return createDatabase(serverUrl, name);
}

async function freshMigratedDatabase(purpose: string): Promise<string> {
  const url = await freshDatabase(purpose);
  await applyMigrations(url);
  return url;
}

async function copyOfMigrations(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "infoshare-migrations-"));
  temporaryFolders.push(folder);
  await cp(DEFAULT_MIGRATIONS_DIR, folder, { recursive: true });
  return folder;
}

async function addMigration(migrationsDir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

async function expectMigrationError(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

/**
 * Everything Prisma's schema describes, as comparable lines. NOT NULL constraints (PostgreSQL 18
 * lists them in pg_constraint) are left to the columns' not-null flag, since their generated names
 * keep old column names after a rename. Triggers and functions are not compared: they are
 * hand-written additions the schema cannot describe.
 */
async function describeSchema(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const lines: string[] = [];
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      type: string;
      not_null: boolean;
      default_expr: string | null;
      identity: string;
      generated: string;
      collation: string | null;
    }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
             a.attidentity AS identity, a.attgenerated AS generated, co.collname AS collation
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
         AND c.relname <> '_prisma_migrations'`);
    for (const column of columns.rows) {
      lines.push(
        `column ${column.table_name}.${column.column_name}: ${column.type}` +
          `${column.not_null ? " NOT NULL" : " NULL"}` +
          `${column.default_expr !== null ? ` DEFAULT ${column.default_expr}` : ""}` +
          `${column.identity ? ` IDENTITY(${column.identity})` : ""}` +
          `${column.generated ? ` GENERATED(${column.generated})` : ""}` +
          `${column.collation && column.collation !== "default" ? ` COLLATE ${column.collation}` : ""}`,
      );
    }
    const constraints = await client.query<{ table_name: string; name: string; kind: string; definition: string }>(`
      SELECT cl.relname AS table_name, con.conname AS name, con.contype AS kind,
             pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
       WHERE n.nspname = 'public' AND con.contype <> 'n' AND cl.relname <> '_prisma_migrations'`);
    for (const constraint of constraints.rows) {
      lines.push(
        `constraint ${constraint.table_name}.${constraint.name} (${constraint.kind}): ${constraint.definition}`,
      );
    }
    const indexes = await client.query<{ name: string; definition: string }>(`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const index of indexes.rows) lines.push(`index ${index.name}: ${index.definition}`);
    const enums = await client.query<{ name: string; labels: string }>(`
      SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public'
       GROUP BY t.typname`);
    for (const enumType of enums.rows) lines.push(`enum ${enumType.name}: ${enumType.labels}`);
    const sequences = await client.query<{
      name: string;
      data_type: string;
      start_value: string;
      increment_by: string;
    }>(`
      SELECT sequencename AS name, data_type::text AS data_type, start_value::text AS start_value,
             increment_by::text AS increment_by
        FROM pg_sequences WHERE schemaname = 'public'`);
    for (const sequence of sequences.rows) {
      lines.push(
        `sequence ${sequence.name}: ${sequence.data_type} start ${sequence.start_value} by ${sequence.increment_by}`,
      );
    }
    return lines.sort();
  });
}

function schemaDifferences(fromMigrations: string[], fromSchema: string[]): string[] {
  const migrationsSet = new Set(fromMigrations);
  const schemaSet = new Set(fromSchema);
  return [
    ...fromMigrations.filter((line) => !schemaSet.has(line)).map((line) => `only in the migrations: ${line}`),
    ...fromSchema.filter((line) => !migrationsSet.has(line)).map((line) => `only in schema.prisma:  ${line}`),
  ];
}

/** Database B: what prisma/schema.prisma alone describes, via the WASM engine's empty-to-schema diff. */
async function databaseFromSchema(): Promise<string> {
  const schema = await readFile(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
  // The engine gets its own scratch database: it may run SQL on whatever it is connected to.
  const scratchUrl = await freshDatabase("engine_scratch");
  const sql = await diffSchemas({ scratchDatabaseUrl: scratchUrl, from: null, to: schema });
  expect(sql, "schema.prisma describes an empty database").not.toBeNull();
  const url = await freshDatabase("from_schema");
  await withClient(url, (client) => client.query(sql ?? ""));
  return url;
}

beforeAll(async () => {
  // Fails fast, with a clear message, if the folder cannot be read at all.
  expect((await readLocalMigrations()).length).toBeGreaterThan(0);
});

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(serverUrl, name).catch(() => undefined);
  for (const folder of temporaryFolders) await rm(folder, { recursive: true, force: true });
});

describe("drift between prisma/migrations and prisma/schema.prisma", () => {
  let fromSchemaUrl: string;

  beforeAll(async () => {
    fromSchemaUrl = await databaseFromSchema();
  });

  it("building from the migrations gives the database the schema describes", async () => {
    const fromMigrationsUrl = await freshMigratedDatabase("from_migrations");
    const [fromMigrations, fromSchema] = await Promise.all([
      describeSchema(fromMigrationsUrl),
      describeSchema(fromSchemaUrl),
    ]);
    expect(fromSchema.length, "the catalog query found the schema's objects").toBeGreaterThan(50);
    const differences = schemaDifferences(fromMigrations, fromSchema);
    expect(
      differences,
      "The migrations do not build what prisma/schema.prisma describes. Run `npm run db:migration -- <name>` " +
        "for a schema change, or fix the hand-edited SQL.",
    ).toEqual([]);
  });

  it("notices a database that deviates from the schema", async () => {
    const deviatingUrl = await freshMigratedDatabase("deviating");
    await withClient(deviatingUrl, (client) =>
      client.query(`
        ALTER TABLE "team" ALTER COLUMN "name" DROP NOT NULL;
        CREATE INDEX "organisation_kind_idx" ON "organisation" ("kind");
        ALTER TYPE "Role" ADD VALUE 'AUDITOR';`),
    );
    const differences = schemaDifferences(await describeSchema(deviatingUrl), await describeSchema(fromSchemaUrl));
    expect(differences).toEqual(
      expect.arrayContaining([
        "only in the migrations: column team.name: text NULL",
        "only in schema.prisma:  column team.name: text NOT NULL",
        expect.stringContaining("only in the migrations: index organisation_kind_idx"),
        "only in the migrations: enum Role: PRACTITIONER, SUPERVISOR, IG_LEAD, ADMIN, AUDITOR",
      ]),
    );
  });
});

describe("the migration applier", () => {
  it("applies nothing when the database is up to date", async () => {
    const local = await readLocalMigrations();
    const result = await applyMigrations(databaseUrl);
    expect(result).toEqual({ applied: [], alreadyApplied: local.length });
    const status = await migrationStatus(databaseUrl);
    expect(status).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
  });

  it("reports an applied migration whose migration.sql was edited, naming it", async () => {
    const url = await freshMigratedDatabase("tampered");
    const migrationsDir = await copyOfMigrations();
    const [first] = await readLocalMigrations(migrationsDir);
    if (!first) throw new Error("no migrations");
    const scriptPath = path.join(migrationsDir, first.name, "migration.sql");
    await writeFile(scriptPath, `${first.script}\n-- an edit after the fact\n`);

    const error = await expectMigrationError(applyMigrations(url, { migrationsDir }));
    expect(error.code).toBe("CHECKSUM_MISMATCH");
    expect(error.migrationNames).toEqual([first.name]);
    expect(error.message).toContain(first.name);
    expect((await migrationStatus(url, { migrationsDir })).edited).toEqual([first.name]);
  });

  it("accepts a migration.sql whose line endings git converted, as Prisma does", async () => {
    const url = await freshMigratedDatabase("crlf");
    const migrationsDir = await copyOfMigrations();
    const [first] = await readLocalMigrations(migrationsDir);
    if (!first) throw new Error("no migrations");
    await writeFile(path.join(migrationsDir, first.name, "migration.sql"), first.script.replaceAll("\n", "\r\n"));
    await expect(applyMigrations(url, { migrationsDir })).resolves.toMatchObject({ applied: [] });
  });

  it("records a failing migration, rolls its script back, and then refuses to go on (P3009)", async () => {
    const url = await freshMigratedDatabase("failing");
    const migrationsDir = await copyOfMigrations();
    await addMigration(
      migrationsDir,
      "29990101000000_broken",
      'CREATE TABLE "probe_broken" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n',
    );
    await addMigration(migrationsDir, "29990101000001_later", 'CREATE TABLE "probe_later" ("id" INTEGER);\n');

    const failure = await expectMigrationError(applyMigrations(url, { migrationsDir }));
    expect(failure.code).toBe("MIGRATION_FAILED");
    expect(failure.message).toContain("no_such_table");

    const state = await withClient(url, async (client) => {
      const rows = await client.query<{ finished_at: Date | null; applied_steps_count: number; logs: string | null }>(
        `SELECT finished_at, applied_steps_count, logs
           FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
      );
      const tables = await client.query<{ broken: string | null; later: string | null }>(
        "SELECT to_regclass('probe_broken')::text AS broken, to_regclass('probe_later')::text AS later",
      );
      return { row: rows.rows[0], tables: tables.rows[0] };
    });
    expect(state.row).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(state.row?.logs).toContain("no_such_table");
    expect(state.tables).toEqual({ broken: null, later: null });

    const blocked = await expectMigrationError(applyMigrations(url, { migrationsDir }));
    expect(blocked.code).toBe("FAILED_MIGRATIONS");
    expect(blocked.message).toContain("P3009");
    expect(blocked.message).toContain("29990101000000_broken");
    expect(blocked.migrationNames).toEqual(["29990101000000_broken"]);

    // What `prisma migrate resolve --rolled-back` does; then a fixed script applies.
    await withClient(url, (client) =>
      client.query(
        "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '29990101000000_broken'",
      ),
    );
    await writeFile(
      path.join(migrationsDir, "29990101000000_broken", "migration.sql"),
      'CREATE TABLE "probe_broken" ("id" INTEGER);\n',
    );
    await expect(applyMigrations(url, { migrationsDir })).resolves.toMatchObject({
      applied: ["29990101000000_broken", "29990101000001_later"],
    });
  });

  it("is blocked by an unfinished row it did not write itself", async () => {
    const url = await freshMigratedDatabase("unfinished");
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs)
         VALUES (gen_random_uuid()::text, repeat('0', 64), '29990101000000_half_done', 'killed mid-way')`,
      ),
    );
    const migrationsDir = await copyOfMigrations();
    await addMigration(migrationsDir, "29990101000001_next", 'CREATE TABLE "probe_next" ("id" INTEGER);\n');
    const blocked = await expectMigrationError(applyMigrations(url, { migrationsDir }));
    expect(blocked.code).toBe("FAILED_MIGRATIONS");
    expect(blocked.message).toMatch(/P3009[\s\S]*29990101000000_half_done[\s\S]*killed mid-way/);
    const created = await withClient(url, (client) => client.query("SELECT to_regclass('probe_next') AS t"));
    expect(created.rows[0]).toEqual({ t: null });
  });
});

describe("the _prisma_migrations table", () => {
  it("has the columns Prisma's engine creates", async () => {
    const columns = await withClient(databaseUrl, (client) =>
      client.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
          ORDER BY ordinal_position`,
      ),
    );
    expect(columns.rows).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        character_maximum_length: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        character_maximum_length: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        character_maximum_length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "logs",
        data_type: "text",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        character_maximum_length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);
  });

  it("records each migration as finished, in one step, with the SHA-256 of its file", async () => {
    const local = await readLocalMigrations();
    const rows = await withClient(databaseUrl, (client) =>
      client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
        logs: string | null;
      }>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
           FROM _prisma_migrations ORDER BY migration_name`,
      ),
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const row of rows.rows) {
      const fileBytes = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(fileBytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ rolled_back_at: null, applied_steps_count: 1, logs: null });
    }
  });
});

describe("audit_event is append-only", () => {
  let url: string;
  const appendOnly = /audit_event is append-only/;

  beforeAll(async () => {
    // Its own database: a row written here can never be deleted again.
    url = await freshMigratedDatabase("audit");
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO audit_event (chain_key, chain_seq, at, action, outcome, prev_hash, hash)
         VALUES ('system', 1, now(), 'test.append', 'SUCCESS', repeat('0', 64), repeat('a', 64))`,
      ),
    );
  });

  it.each([
    ["UPDATE", "UPDATE audit_event SET action = 'tampered'"],
    ["DELETE", "DELETE FROM audit_event"],
    ["TRUNCATE", "TRUNCATE audit_event"],
  ])("refuses %s", async (_operation, sql) => {
    await withClient(url, async (client) => {
      await expect(client.query(sql)).rejects.toThrow(appendOnly);
      const rows = await client.query("SELECT action FROM audit_event");
      expect(rows.rows).toEqual([{ action: "test.append" }]);
    });
  });

  it("still accepts new events", async () => {
    await withClient(url, async (client) => {
      await client.query(
        `INSERT INTO audit_event (chain_key, chain_seq, at, action, outcome, prev_hash, hash)
         VALUES ('system', 2, now(), 'test.append.again', 'SUCCESS', repeat('a', 64), repeat('b', 64))`,
      );
      const count = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event");
      expect(count.rows[0]?.n).toBe("2");
    });
  });
});
