import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  checksumMatches,
  checksumOf,
  describeFailedMigrations,
  MigrationError,
  migrationSlug,
  migrationTimestamp,
  nextMigrationFolderName,
  planMigrations,
  readLocalMigrations,
  sortMigrationNames,
  type LocalMigration,
  type MigrationRow,
} from "./migrations";

function local(name: string, script = `-- ${name}\n`): LocalMigration {
  return { name, script, checksum: checksumOf(script) };
}

function row(name: string, overrides: Partial<MigrationRow> = {}): MigrationRow {
  return {
    id: `id-${name}`,
    checksum: checksumOf(`-- ${name}\n`),
    migration_name: name,
    started_at: new Date("2026-01-01T00:00:00Z"),
    finished_at: new Date("2026-01-01T00:00:01Z"),
    rolled_back_at: null,
    logs: null,
    applied_steps_count: 1,
    ...overrides,
  };
}

describe("checksums", () => {
  it("are the lower-case hex SHA-256 of the script", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(checksumOf("SELECT 1;\n")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hash bytes and text alike", () => {
    expect(checksumOf(new TextEncoder().encode("é;\n"))).toBe(checksumOf("é;\n"));
  });

  it("match across CRLF/LF conversions but not across edits", () => {
    const unix = "CREATE TABLE a ();\nCREATE TABLE b ();\n";
    const windows = unix.replaceAll("\n", "\r\n");
    expect(checksumMatches(unix, checksumOf(unix))).toBe(true);
    expect(checksumMatches(windows, checksumOf(unix))).toBe(true);
    expect(checksumMatches(unix, checksumOf(windows))).toBe(true);
    expect(checksumMatches(unix, checksumOf(unix).toUpperCase())).toBe(true);
    expect(checksumMatches(`${unix}-- edit\n`, checksumOf(unix))).toBe(false);
  });
});

describe("migration order", () => {
  it("sorts by code units, like Prisma, not by locale", () => {
    expect(
      sortMigrationNames(["20260102000000_b", "20260101000000_z", "20260101000000_Z", "20260101000000_a_b"]),
    ).toEqual(["20260101000000_Z", "20260101000000_a_b", "20260101000000_z", "20260102000000_b"]);
  });
});

describe("planMigrations", () => {
  it("applies, in order, the folders no live row names", () => {
    const plan = planMigrations([local("1_a"), local("2_b"), local("3_c")], [row("1_a")]);
    expect(plan.pending.map((migration) => migration.name)).toEqual(["2_b", "3_c"]);
    expect(plan).toMatchObject({ alreadyApplied: 1, failed: [], edited: [], missingLocally: [] });
  });

  it("reports unfinished rows that are not rolled back as failed", () => {
    const plan = planMigrations(
      [local("1_a"), local("2_b")],
      [row("1_a"), row("2_b", { finished_at: null, logs: "boom" })],
    );
    expect(plan.failed.map((failed) => failed.migration_name)).toEqual(["2_b"]);
    expect(plan.pending).toEqual([]);
  });

  it("re-applies a migration whose only row was rolled back", () => {
    const plan = planMigrations(
      [local("1_a")],
      [row("1_a", { finished_at: null, rolled_back_at: new Date("2026-01-02T00:00:00Z") })],
    );
    expect(plan.failed).toEqual([]);
    expect(plan.pending.map((migration) => migration.name)).toEqual(["1_a"]);
  });

  it("names applied migrations whose script changed, and rows with no folder", () => {
    const plan = planMigrations([local("1_a", "-- edited\n"), local("2_b")], [row("1_a"), row("2_b"), row("9_gone")]);
    expect(plan.edited).toEqual(["1_a"]);
    expect(plan.missingLocally).toEqual(["9_gone"]);
  });
});

describe("describeFailedMigrations", () => {
  it("reads like Prisma's P3009 and carries the logs", () => {
    const text = describeFailedMigrations([row("2_b", { finished_at: null, logs: "  relation missing \n" })]);
    expect(text).toContain("P3009");
    expect(text).toContain(
      "The `2_b` migration started at 2026-01-01T00:00:00.000Z failed with the following logs:\nrelation missing",
    );
  });
});

describe("new migration names", () => {
  it("slugs names to lower-case words joined by underscores", () => {
    expect(migrationSlug("  Add case-notes table! ")).toBe("add_case_notes_table");
    expect(migrationSlug("---")).toBe("");
  });

  it("prefix a UTC timestamp", () => {
    expect(migrationTimestamp(new Date("2026-03-04T05:06:07.890Z"))).toBe("20260304050607");
  });

  it("always sort after the latest migration", () => {
    const now = new Date("2026-03-04T05:06:07Z");
    expect(nextMigrationFolderName("x", now)).toBe("20260304050607_x");
    expect(nextMigrationFolderName("x", now, "20260101000000_init")).toBe("20260304050607_x");
    expect(nextMigrationFolderName("a", now, "20260304050607_b")).toBe("20260304050608_a");
    expect(nextMigrationFolderName("x", now, "20270101000000_future")).toBe("20270101000001_x");
  });
});

describe("readLocalMigrations", () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  async function migrationsFolder(files: Record<string, string>): Promise<string> {
    folder = await mkdtemp(path.join(tmpdir(), "infoshare-migrations-unit-"));
    for (const [relative, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(folder, relative)), { recursive: true });
      await writeFile(path.join(folder, relative), content);
    }
    return folder;
  }

  it("reads the folders in order with their checksums and ignores loose files", async () => {
    const dir = await migrationsFolder({
      "migration_lock.toml": 'provider = "postgresql"\n',
      "20260102000000_second/migration.sql": "SELECT 2;\n",
      "20260101000000_first/migration.sql": "SELECT 1;\n",
      "20260101000000_first/schema.prisma": "// not part of the checksum\n",
    });
    expect(await readLocalMigrations(dir)).toEqual([
      { name: "20260101000000_first", script: "SELECT 1;\n", checksum: checksumOf("SELECT 1;\n") },
      { name: "20260102000000_second", script: "SELECT 2;\n", checksum: checksumOf("SELECT 2;\n") },
    ]);
  });

  it("returns nothing for a missing folder", async () => {
    expect(await readLocalMigrations(path.join(tmpdir(), "infoshare-no-such-folder"))).toEqual([]);
  });

  it("refuses a folder without migration.sql", async () => {
    const dir = await migrationsFolder({ "20260101000000_empty/schema.prisma": "" });
    await expect(readLocalMigrations(dir)).rejects.toMatchObject({ code: "MISSING_SCRIPT" });
  });

  it("refuses migrations locked to another provider", async () => {
    const dir = await migrationsFolder({ "migration_lock.toml": 'provider = "mysql"\n' });
    await expect(readLocalMigrations(dir)).rejects.toBeInstanceOf(MigrationError);
    await expect(readLocalMigrations(dir)).rejects.toMatchObject({ code: "PROVIDER_MISMATCH" });
  });
});
