// The audit log search's dates are UK calendar days, as the page says and as the CSV export of the
// same filter counts them: during summer time a UK day starts at 23:00 UTC the day before.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { searchAuditEvents } from "@/server/audit/search-audit-events";
import type { SignedInUser } from "@/server/auth/current-actor";
import { TEST_META, actorFor } from "./support";
import { DAN } from "./demo-people";

const REFERENCE = `UKDAY-${randomBytes(4).toString("hex").toUpperCase()}`;
let dan: SignedInUser;

/** An event recorded at a given moment (only Date is faked: the database driver's timers run). */
async function eventAt(iso: string, caseReference: string): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
  try {
    await recordAuditEvent(
      auditEntry(dan, TEST_META, {
        action: "decision.view",
        objectType: "decision",
        objectId: REFERENCE,
        caseReference,
        outcome: "SUCCESS",
      }),
    );
  } finally {
    vi.useRealTimers();
  }
}

const found = async (from: string, to: string) =>
  (await searchAuditEvents(dan, { reference: REFERENCE, from, to })).rows.map((row) => row.caseReference).sort();

beforeAll(async () => {
  dan = await actorFor(DAN);
  await eventAt("2025-06-30T22:59:00Z", "BST-30-JUNE"); // 23:59 on 30 June in the UK
  await eventAt("2025-06-30T23:30:00Z", "BST-1-JULY"); // 00:30 on 1 July in the UK
  await eventAt("2025-01-15T23:30:00Z", "GMT-15-JAN"); // 23:30 on 15 January in the UK
});
afterEach(() => vi.useRealTimers());

describe("audit search by date", () => {
  it("counts days as UK days in summer time", async () => {
    expect(await found("2025-06-30", "2025-06-30")).toEqual(["BST-30-JUNE"]);
    expect(await found("2025-07-01", "2025-07-01")).toEqual(["BST-1-JULY"]);
    expect(await found("2025-06-30", "2025-07-01")).toEqual(["BST-1-JULY", "BST-30-JUNE"]);
  });

  it("and in winter, when UK days are UTC days", async () => {
    expect(await found("2025-01-15", "2025-01-15")).toEqual(["GMT-15-JAN"]);
    expect(await found("2025-01-16", "2025-01-16")).toEqual([]);
  });
});
