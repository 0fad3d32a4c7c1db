import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDITED_ACTIONS } from "@/schemas/audit-search";
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  auditDetailLines,
  auditRoleLabel,
  plainIpAddress,
} from "./audit-labels";

const ACTION_NAME = /["'`]([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)["'`]/g;

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension) && !entry.name.endsWith(`.test${extension}`))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every action name the app writes to the audit log, read from the source: the string on any line of
 * src/server that mentions an action, and the action argument of every append_audit_event call in the
 * migrations (the database functions that audit for themselves).
 */
function actionsInSource(): Set<string> {
  const found = new Set<string>();
  for (const file of filesUnder("src/server", ".ts")) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!/action/i.test(line) || /permission|routeHandler|formAction|postAction|ForAction\(|can\(/i.test(line))
        continue;
      for (const match of line.matchAll(ACTION_NAME)) found.add(match[1]!);
    }
  }
  for (const file of filesUnder("prisma/migrations", ".sql")) {
    const sql = readFileSync(file, "utf8");
    for (const call of sql.matchAll(/append_audit_event\(([^;]{0,400})/g)) {
      const first = [...call[1]!.matchAll(ACTION_NAME)][0];
      if (first) found.add(first[1]!);
    }
  }
  return found;
}

describe("the audit log's labels", () => {
  it("has words for every action the search form offers", () => {
    const missing = AUDITED_ACTIONS.filter((action) => !(action in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it("has words for every action the app records, and the search form offers each", () => {
    const recorded = [...actionsInSource()];
    expect(recorded.length).toBeGreaterThan(15);
    expect(recorded.filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
    expect(recorded.filter((action) => !(AUDITED_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it("says what happened", () => {
    expect(auditActionLabel("auth.sign-in")).toBe("Signed in");
    expect(auditActionLabel("draft.save")).toBe("Saved a draft answer");
    expect(auditActionLabel("decision.record")).toBe("Recorded a decision");
  });

  it("names roles in full", () => {
    expect(auditRoleLabel("IG_LEAD")).toBe("Information governance lead");
    expect(auditRoleLabel(null)).toBeNull();
  });

  it("shows an IPv4 address as written, whatever IPv6 mapping it came with", () => {
    expect(plainIpAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(plainIpAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(plainIpAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(plainIpAddress(null)).toBeNull();
  });

  it("gives details as labelled text, codes and times in words", () => {
    expect(
      auditDetailLines({
        kind: "CORRECTION",
        outcome: "SHARE_PART",
        departsFromIndication: false,
        flags: ["EMERGENCY", "NO_SHARE"],
        to: "2026-06-04T13:30:00.000Z",
        retentionYears: 7,
      }),
    ).toEqual([
      { label: "Kind", value: "Correction" },
      { label: "Decision", value: "Share in part" },
      { label: "Departs from the flowchart", value: "No" },
      { label: "Flags", value: "Emergency, Not shared" },
      { label: "To", value: "4 June 2026 at 2:30pm" },
      { label: "Retention years", value: "7" },
    ]);
    expect(auditDetailLines({ after: { retentionYears: 8, routine: 10 } })).toEqual([
      { label: "After", value: "Retention years: 8; Routine: 10" },
    ]);
    expect(auditDetailLines({})).toEqual([]);
    expect(auditDetailLines(null)).toEqual([]);
  });
});
