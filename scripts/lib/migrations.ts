// Applies prisma/migrations the way Prisma Migrate's schema engine does (`prisma migrate deploy`),
// which cannot run here (it needs a native engine we cannot download). Same folder layout, same
// `_prisma_migrations` table and checksums, so `prisma migrate deploy/status` on a machine with
// the normal CLI accepts a database migrated by this code. See docs/decisions/002-prisma-offline.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { withClient } from "./pg-client";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
export const MIGRATION_SCRIPT_FILE = "migration.sql";
/** The schema each migration was generated from, so the next one is a schema-to-schema diff. */
export const MIGRATION_SCHEMA_FILE = "schema.prisma";
export const MIGRATION_LOCK_FILE = "migration_lock.toml";

/** The key Prisma's schema engine locks on PostgreSQL, so our applier and Prisma's exclude each other. */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;
const LOCK_WAIT_MS = 10_000;

/** Byte for byte the DDL of Prisma's engine (sql-schema-connector, postgres flavour). */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export type Log = (message: string) => void;

export type MigrationErrorCode =
  | "FAILED_MIGRATIONS" // Prisma's P3009
  | "MIGRATION_FAILED" // Prisma's P3018
  | "CHECKSUM_MISMATCH"
  | "MISSING_SCRIPT" // Prisma's P3015
  | "PROVIDER_MISMATCH" // Prisma's P3019
  | "LOCK_TIMEOUT";

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migrationNames: string[] = [],
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

/** Lower-case hex SHA-256 of the script, as Prisma stores it. */
export function checksumOf(script: string | Uint8Array): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Prisma accepts a script whose line endings git converted (CRLF <-> LF) since it was applied;
 * do the same so a Windows checkout does not look edited.
 */
export function checksumMatches(script: string, checksum: string): boolean {
  const expected = checksum.toLowerCase();
  return [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")].some(
    (variant) => checksumOf(variant) === expected,
  );
}

/** Code-unit order, as Prisma sorts folder names (not locale order: `_` vs letters must not move). */
export function sortMigrationNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function migrationSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** UTC YYYYMMDDHHMMSS, the prefix Prisma Migrate gives folders. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * `<timestamp>_<slug>`, ordered after `latestName`: folders apply in name order, so a clock
 * behind the last migration (or two in one second) must not put the new one first.
 */
export function nextMigrationFolderName(slug: string, now: Date, latestName?: string): string {
  const candidate = `${migrationTimestamp(now)}_${slug}`;
  if (latestName === undefined || candidate > latestName) return candidate;
  const latestStamp = latestName.slice(0, 14);
  if (!/^\d{14}$/.test(latestStamp)) {
    throw new Error(`Cannot order a new migration after ${latestName}: its name does not start with a timestamp.`);
  }
  return `${(BigInt(latestStamp) + 1n).toString()}_${slug}`;
}

export async function readLocalMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) return [];
  await assertPostgresLockfile(migrationsDir);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const scriptPath = path.join(migrationsDir, name, MIGRATION_SCRIPT_FILE);
    let script: string;
    try {
      script = await readFile(scriptPath, "utf8");
    } catch {
      throw new MigrationError(
        "MISSING_SCRIPT",
        `Migration folder ${name} has no ${MIGRATION_SCRIPT_FILE} (${scriptPath}).`,
        [name],
      );
    }
    migrations.push({ name, script, checksum: checksumOf(script) });
  }
  return migrations;
}

async function assertPostgresLockfile(migrationsDir: string): Promise<void> {
  let lockfile: string;
  try {
    lockfile = await readFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), "utf8");
  } catch {
    return;
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lockfile)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new MigrationError(
      "PROVIDER_MISMATCH",
      `${MIGRATION_LOCK_FILE} says provider = "${provider}", but these migrations are applied to PostgreSQL.`,
    );
  }
}

export interface MigrationPlan {
  /** Unfinished and not rolled back: Prisma refuses to go on (P3009). */
  failed: MigrationRow[];
  /** Applied, but the local script no longer has the checksum recorded then. */
  edited: string[];
  /** In the database, not in the folder (e.g. a database ahead of this checkout). */
  missingLocally: string[];
  pending: LocalMigration[];
  alreadyApplied: number;
}

/** Same rule as Prisma's apply_migrations: a folder is applied if a row that is not rolled back names it. */
export function planMigrations(local: readonly LocalMigration[], rows: readonly MigrationRow[]): MigrationPlan {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  const finishedByName = new Map<string, MigrationRow>();
  for (const row of live) if (row.finished_at !== null) finishedByName.set(row.migration_name, row);
  const liveNames = new Set(live.map((row) => row.migration_name));
  const localNames = new Set(local.map((migration) => migration.name));

  const edited = local
    .filter((migration) => {
      const row = finishedByName.get(migration.name);
      return row !== undefined && !checksumMatches(migration.script, row.checksum);
    })
    .map((migration) => migration.name);
  const missingLocally = sortMigrationNames([...finishedByName.keys()].filter((name) => !localNames.has(name)));
  const pending = local.filter((migration) => !liveNames.has(migration.name));
  const alreadyApplied = local.filter((migration) => finishedByName.has(migration.name)).length;
  return { failed, edited, missingLocally, pending, alreadyApplied };
}

export function describeFailedMigrations(failed: readonly MigrationRow[]): string {
  const details = failed
    .map((row) => {
      const logs = row.logs?.trim() ? ` with the following logs:\n${row.logs.trim()}` : "";
      return `The \`${row.migration_name}\` migration started at ${row.started_at.toISOString()} failed${logs}`;
    })
    .join("\n");
  return (
    "P3009: migrate found failed migrations in the target database, new migrations will not be applied. " +
    "Fix the database by hand, then mark the row rolled back (UPDATE _prisma_migrations SET rolled_back_at = now() " +
    "WHERE migration_name = '…') or, with the Prisma CLI, `prisma migrate resolve`. " +
    "See https://pris.ly/d/migrate-resolve\n" +
    details
  );
}

/** Approximates the text Prisma writes into `logs` for a failed script. */
export function describeDatabaseError(migrationName: string, error: unknown): string {
  if (error instanceof pg.DatabaseError) {
    const lines = [
      `Migration name: ${migrationName}`,
      "",
      `Database error code: ${error.code ?? "unknown"}`,
      "",
      "Database error:",
      `${error.severity ?? "ERROR"}: ${error.message}`,
    ];
    if (error.detail) lines.push(`DETAIL: ${error.detail}`);
    if (error.hint) lines.push(`HINT: ${error.hint}`);
    if (error.where) lines.push(`CONTEXT: ${error.where}`);
    if (error.position) lines.push(`Position: ${error.position} (character in ${MIGRATION_SCRIPT_FILE})`);
    return lines.join("\n");
  }
  return `Migration name: ${migrationName}\n\n${error instanceof Error ? error.message : String(error)}`;
}

async function migrationsTableExists(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  return result.rows[0]?.exists === true;
}

async function readMigrationRows(client: pg.ClientBase): Promise<MigrationRow[]> {
  const result = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return result.rows;
}

async function acquireMigrateLock(client: pg.ClientBase): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATE_ADVISORY_LOCK,
    ]);
    if (result.rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `Another process has held the migration lock (pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK})) ` +
          `for ${LOCK_WAIT_MS / 1000} s; is a migration running elsewhere?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: Log;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(
  url: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const log = options.log ?? (() => undefined);
  const local = await readLocalMigrations(options.migrationsDir);

  return withClient(url, async (client) => {
    await acquireMigrateLock(client);
    try {
      if (!(await migrationsTableExists(client))) await client.query(MIGRATIONS_TABLE_DDL);
      const plan = planMigrations(local, await readMigrationRows(client));

      if (plan.failed.length > 0) {
        throw new MigrationError(
          "FAILED_MIGRATIONS",
          describeFailedMigrations(plan.failed),
          plan.failed.map((row) => row.migration_name),
        );
      }
      // Prisma's deploy only warns here; we stop, because an edited applied migration means this
      // checkout and the database disagree about the schema and the drift would go unnoticed.
      if (plan.edited.length > 0) {
        throw new MigrationError(
          "CHECKSUM_MISMATCH",
          `Applied migration${plan.edited.length > 1 ? "s were" : " was"} edited afterwards (checksum mismatch): ` +
            `${plan.edited.join(", ")}. Restore the original ${MIGRATION_SCRIPT_FILE} ` +
            "and put the change in a new migration.",
          plan.edited,
        );
      }
      for (const name of plan.missingLocally) {
        log(`Warning: migration ${name} is recorded in the database but missing from the migrations folder.`);
      }

      const applied: string[] = [];
      for (const migration of plan.pending) {
        log(`Applying ${migration.name}`);
        const id = randomUUID();
        await client.query("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)", [
          id,
          migration.checksum,
          migration.name,
        ]);
        try {
          // Without parameters node-postgres uses the simple query protocol: the whole file is one
          // implicit transaction, so a failing statement leaves nothing half-applied.
          await client.query(migration.script);
        } catch (error) {
          const logs = describeDatabaseError(migration.name, error);
          await client.query("UPDATE _prisma_migrations SET logs = $1 WHERE id = $2", [logs, id]);
          throw new MigrationError("MIGRATION_FAILED", `P3018: A migration failed to apply.\n${logs}`, [
            migration.name,
          ]);
        }
        await client.query(
          "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1",
          [id],
        );
        await client.query("UPDATE _prisma_migrations SET finished_at = now() WHERE id = $1", [id]);
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: plan.alreadyApplied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]).catch(() => undefined);
    }
  });
}

export interface MigrationStatus {
  local: string[];
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  missingLocally: string[];
  upToDate: boolean;
}

/** Read-only summary, like `prisma migrate status`. */
export async function migrationStatus(url: string, options: { migrationsDir?: string } = {}): Promise<MigrationStatus> {
  const local = await readLocalMigrations(options.migrationsDir);
  const rows = await withClient(url, async (client) =>
    (await migrationsTableExists(client)) ? readMigrationRows(client) : [],
  );
  const plan = planMigrations(local, rows);
  const pending = plan.pending.map((migration) => migration.name);
  const failed = plan.failed.map((row) => row.migration_name);
  return {
    local: local.map((migration) => migration.name),
    applied: local
      .map((migration) => migration.name)
      .filter((name) => !pending.includes(name) && !failed.includes(name)),
    pending,
    failed,
    edited: plan.edited,
    missingLocally: plan.missingLocally,
    upToDate: pending.length === 0 && failed.length === 0 && plan.edited.length === 0,
  };
}

export function formatMigrationStatus(status: MigrationStatus): string {
  const lines = [`${status.local.length} migration(s) in the folder, ${status.applied.length} applied.`];
  if (status.pending.length) lines.push(`Not yet applied: ${status.pending.join(", ")}`);
  if (status.failed.length) lines.push(`FAILED (blocks further migrations): ${status.failed.join(", ")}`);
  if (status.edited.length) lines.push(`EDITED after being applied: ${status.edited.join(", ")}`);
  if (status.missingLocally.length) lines.push(`In the database only: ${status.missingLocally.join(", ")}`);
  if (status.upToDate) lines.push("Database schema is up to date.");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Authoring: SQL for a schema change, from Prisma's WASM schema engine. It only ever DIFFS two
// Prisma schemas; it must not introspect or migrate a real database (STACK-NOTES: it runs SQL on
// the connected database and mis-reads some PostgreSQL column types), so callers give it a
// throwaway server.

interface SchemaEngineGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine;
}

let engineGlue: Promise<SchemaEngineGlue> | undefined;

// The package's entry imports its .wasm as an ES module, which only bundlers understand, so
// instantiate the wasm next to the glue ourselves.
function loadSchemaEngine(): Promise<SchemaEngineGlue> {
  engineGlue ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as SchemaEngineGlue;
    const wasmBytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") (start as () => void)();
    return glue;
  })();
  return engineGlue;
}

export interface DiffSchemasInput {
  /** A THROWAWAY PostgreSQL the engine may connect to. */
  scratchDatabaseUrl: string;
  /** Prisma schema text to start from; null for an empty database. */
  from: string | null;
  to: string;
}

/** SQL turning `from` into `to`, or null when they describe the same database. */
export async function diffSchemas(input: DiffSchemasInput): Promise<string | null> {
  const [{ SchemaEngine }, { PrismaPg }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
    loadSchemaEngine(),
    import("@prisma/adapter-pg"),
    import("@prisma/driver-adapter-utils"),
  ]);
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: input.scratchDatabaseUrl, idleTimeoutMillis: 50 }),
  );
  const schemaFile = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: "schema.prisma", content }],
  });
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", input.to]] }, () => undefined, adapter);
  try {
    const result = await engine.diff({
      from: input.from === null ? { tag: "empty" } : schemaFile(input.from),
      to: schemaFile(input.to),
      script: true,
      // exitCode 2 = "there is a difference", as `prisma migrate diff --exit-code` reports it.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } finally {
    engine.free();
  }
}
