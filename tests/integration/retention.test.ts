import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { extendRetention } from "@/server/retention/extend-retention";
import { disposeDecision } from "@/server/retention/dispose-decision";
import { listRetentionDue } from "@/server/retention/list-retention-due";
import { reviewDecision } from "@/server/reviews/review-decision";
import { viewDecision } from "@/server/decisions/view-decision";
import { db } from "@/server/infra/db";
import {
  TEST_META,
  actorFor,
  endRetentionOf,
  expectRefusedAsAppendOnly,
  recordThroughWizard,
  verifyAuditChain,
} from "./support";
import { TOM, DAN } from "./demo-people";

describe("retention", () => {
  it("lists records due, extends one with a reason, and refuses an earlier date", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "RET-0001");
    const dan = await actorFor(DAN);
    expect((await listRetentionDue(dan)).map((r) => r.reference)).not.toContain(reference);
    await endRetentionOf(reference);
    expect((await listRetentionDue(dan)).find((r) => r.reference === reference)).toMatchObject({
      due: true,
      extended: false,
    });

    expect(
      await extendRetention(
        dan,
        { reference, retainUntil: "2020-01-01", reason: "Court proceedings are still under way here." },
        TEST_META,
      ),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(
      await extendRetention(dan, { reference, retainUntil: "2040-01-01", reason: "short" }, TEST_META),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(
      await extendRetention(
        dan,
        { reference, retainUntil: "2040-01-01", reason: "Court proceedings are still under way here." },
        TEST_META,
      ),
    ).toEqual({ ok: true });
    expect((await listRetentionDue(dan)).map((r) => r.reference)).not.toContain(reference);
    expect(await db().auditEvent.count({ where: { objectId: reference, action: "retention.extend" } })).toBe(1);
  });

  it("disposes of a record that is due, leaving a tombstone, and the audit chain still verifies", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "RET-0002");
    const dan = await actorFor(DAN);
    await reviewDecision(
      await actorFor("ruth.okafor@riverside.example"),
      reference,
      { kind: "NOTE", comment: "A note with details about the family." },
      TEST_META,
    );

    expect(await disposeDecision(dan, { reference, confirm: "yes" }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    await endRetentionOf(reference);
    expect(await disposeDecision(dan, { reference }, TEST_META)).toMatchObject({ ok: false, error: "invalid" });
    expect(await disposeDecision(dan, { reference, confirm: "yes" }, TEST_META)).toEqual({ ok: true });
    expect(await disposeDecision(dan, { reference, confirm: "yes" }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });

    const row = await db().decision.findUniqueOrThrow({ where: { reference }, include: { reviews: true } });
    expect(row.caseReference).toBe("DISPOSED");
    expect(row.record).toMatchObject({ disposed: true, reference });
    expect(JSON.stringify(row.record)).not.toContain("RET-0002");
    expect(row.reviews.every((r) => r.comment === null)).toBe(true);
    const view = await viewDecision(dan, reference, TEST_META, { action: "decision.view", channel: "page" });
    expect(view.ok && view.decision.disposed).toBe(true);

    expect((await verifyAuditChain(row.organisationId)).broken).toBeNull();
  });

  it("still refuses a direct UPDATE of a decision outside the disposal function", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "RET-0003");
    await expectRefusedAsAppendOnly("UPDATE decision SET case_reference = 'X' WHERE reference = $1", [reference]);
  });
});
