// A share confirmed as done, after and apart from the decision (issue 11, decision 023): the author
// or their supervisor records when and how, once; the row is append-only and audited.
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { confirmShare } from "@/server/decisions/confirm-share";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, recordThroughWizard, withAppRole } from "./support";
import { SAM, ALEX, KIM } from "./demo-people";

describe("confirmShare", () => {
  it("lets the author confirm a share once, with an audit event", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "CONF-0001");
    const sam = await actorFor(SAM);
    const confirmed = await confirmShare(sam, reference, { sharedOn: "2026-01-05", method: "phone" }, TEST_META);
    expect(confirmed).toEqual({ ok: true, reference });
    const row = await db().shareConfirmation.findFirstOrThrow({ where: { decision: { reference } } });
    expect(row.method).toBe("phone");
    expect(row.sharedOn.toISOString().slice(0, 10)).toBe("2026-01-05");
    const event = await db().auditEvent.findFirst({ where: { action: "decision.confirm-share", objectId: reference } });
    expect(event?.outcome).toBe("SUCCESS");

    const again = await confirmShare(sam, reference, { sharedOn: "2026-01-06", method: "post" }, TEST_META);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors?.[0]?.message).toContain("already been confirmed");
  });

  it("lets the author's supervisor confirm, but not a supervisor of another team", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "CONF-0002");
    const sharedByPost = { sharedOn: "2026-01-05", method: "post" };
    const kim = await confirmShare(await actorFor(KIM), reference, sharedByPost, TEST_META);
    expect(kim).toMatchObject({ ok: false, error: "forbidden" });
    const alex = await confirmShare(await actorFor(ALEX), reference, sharedByPost, TEST_META);
    expect(alex.ok).toBe(true);
  });

  it("refuses a date in the future or before the decision", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "CONF-0003");
    const sam = await actorFor(SAM);
    const future = await confirmShare(sam, reference, { sharedOn: "2999-01-01", method: "phone" }, TEST_META);
    expect(future).toMatchObject({ ok: false, error: "invalid" });
    const before = await confirmShare(sam, reference, { sharedOn: "2020-01-01", method: "phone" }, TEST_META);
    expect(before).toMatchObject({ ok: false, error: "invalid" });
  });

  it("keeps confirmations append-only for the app's role", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "CONF-0004");
    await confirmShare(await actorFor(SAM), reference, { sharedOn: "2026-01-05", method: "phone" }, TEST_META);
    await expect(
      withAppRole((client) => client.query("UPDATE share_confirmation SET method = 'post'")),
    ).rejects.toThrow();
    await expect(withAppRole((client) => client.query("DELETE FROM share_confirmation"))).rejects.toThrow();
  });
});
