// Decision 024: anonymous consultations, local arrangements stamped on records, retention by record type.
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { parseArrangementStamp } from "@/domain/local-arrangements";
import { recordConsultation } from "@/server/consultations/record-consultation";
import { linkConsultation } from "@/server/consultations/link-consultation";
import { listDecisionConsultations, listOwnConsultations } from "@/server/consultations/list-own-consultations";
import { viewConsultation } from "@/server/consultations/view-consultation";
import { saveLocalArrangement } from "@/server/local-arrangements/save-local-arrangement";
import { archiveLocalArrangement } from "@/server/local-arrangements/archive-local-arrangement";
import { listLocalArrangements } from "@/server/local-arrangements/list-local-arrangements";
import { updateRetentionRules } from "@/server/retention/update-retention-rules";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, recordThroughWizard, expectDeniedToAppRole } from "./support";
import { SAM, JO, ALEX, PRIYA, NORTHSHIRE_ADMIN as ADMIN, TOM } from "./demo-people";

const CONSULTATION = {
  adviserKind: "DSL",
  adviser: "Designated safeguarding lead, Northshire",
  question: "A child has told a teacher about bruising from an adult at home. Can I share without consent?",
  advice: "Yes: there is a risk of significant harm. Refer to children's social care today.",
  "consultedOn-day": "2",
  "consultedOn-month": "11",
  "consultedOn-year": "2026",
};

async function auditCount(action: string, objectId: string) {
  return db().auditEvent.count({ where: { action, objectId } });
}

describe("anonymous consultations", () => {
  it("records advice without naming the child, and refuses an obvious identifier", async () => {
    const sam = await actorFor(SAM);
    const refused = await recordConsultation(
      sam,
      { ...CONSULTATION, question: "Child DOB 01/02/2016 has bruising" },
      TEST_META,
    );
    expect(refused).toMatchObject({ ok: false, error: "invalid" });

    const recorded = await recordConsultation(sam, CONSULTATION, TEST_META);
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    expect(await auditCount("consultation.record", recorded.id)).toBe(1);
    const event = await db().auditEvent.findFirst({ where: { action: "consultation.record", objectId: recorded.id } });
    expect(event?.caseReference).toBeNull();
    expect(JSON.stringify(event?.detail)).not.toContain("bruising");
    expect((await listOwnConsultations(sam)).map((c) => c.id)).toContain(recorded.id);
    expect((await listOwnConsultations(await actorFor(JO))).map((c) => c.id)).not.toContain(recorded.id);

    const stored = await db().consultation.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(stored.retentionRule).toMatchObject({ recordType: "CONSULTATION", years: 6 });
  });

  it("is seen by its author, their supervisor and the IG lead; not a colleague or another organisation", async () => {
    const recorded = await recordConsultation(await actorFor(SAM), CONSULTATION, TEST_META);
    if (!recorded.ok) throw new Error("not recorded");
    for (const email of [SAM, ALEX, PRIYA]) {
      expect(await viewConsultation(await actorFor(email), recorded.id, TEST_META)).toMatchObject({ ok: true });
    }
    expect(await viewConsultation(await actorFor(JO), recorded.id, TEST_META)).toMatchObject({ error: "forbidden" });
    expect(await viewConsultation(await actorFor(TOM), recorded.id, TEST_META)).toMatchObject({ error: "not-found" });
    expect(await auditCount("consultation.view", recorded.id)).toBe(3);
    expect(await auditCount("access.denied", recorded.id)).toBe(2);
  });

  it("is linked once by its author to a decision they can see, audited, and then shows on the record", async () => {
    const sam = await actorFor(SAM);
    const recorded = await recordConsultation(sam, CONSULTATION, TEST_META);
    if (!recorded.ok) throw new Error("not recorded");
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "LAW-ORG-0001");
    const othersReference = await recordThroughWizard(JO, consentGivenShareAnswers(), "LAW-ORG-0002");

    expect(
      await linkConsultation(sam, recorded.id, { linkTo: "decision", decisionReference: othersReference }, TEST_META),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(
      await linkConsultation(
        await actorFor(ALEX),
        recorded.id,
        { linkTo: "case", caseReference: "LAW-ORG-0001" },
        TEST_META,
      ),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await linkConsultation(sam, recorded.id, { linkTo: "decision", decisionReference: reference }, TEST_META),
    ).toEqual({ ok: true, decisionReference: reference });
    expect(
      await linkConsultation(sam, recorded.id, { linkTo: "case", caseReference: "LAW-ORG-0001" }, TEST_META),
    ).toMatchObject({ ok: false, error: "conflict" });

    const event = await db().auditEvent.findFirst({ where: { action: "consultation.link", objectId: recorded.id } });
    expect(event).toMatchObject({ caseReference: "LAW-ORG-0001", detail: { decision: reference } });
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const linked = await listDecisionConsultations(decision.id, decision.organisationId);
    expect(linked.map((c) => c.id)).toEqual([recorded.id]);
  });

  it("cannot be changed or removed by the app's role, only linked", async () => {
    const recorded = await recordConsultation(await actorFor(SAM), CONSULTATION, TEST_META);
    if (!recorded.ok) throw new Error("not recorded");
    await expectDeniedToAppRole(
      ["UPDATE consultation SET advice = 'x' WHERE id = $1", "DELETE FROM consultation WHERE id = $1"],
      [recorded.id],
    );
  });
});

describe("local arrangements", () => {
  it("are set by the admin only, audited, and stamped on a decision recorded while in force", async () => {
    const admin = await actorFor(ADMIN);
    expect(
      await saveLocalArrangement(await actorFor(PRIYA), null, { kind: "AGREEMENT", title: "x" }, TEST_META),
    ).toMatchObject({ ok: false, error: "forbidden" });
    const saved = await saveLocalArrangement(
      admin,
      null,
      {
        kind: "AGREEMENT",
        title: "Northshire multi-agency information sharing protocol",
        parties: "Northshire Council, Northshire Police, Northshire NHS Trust",
        link: "https://example.org/northshire-protocol",
        "agreedOn-day": "1",
        "agreedOn-month": "4",
        "agreedOn-year": "2025",
      },
      TEST_META,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const removed = await saveLocalArrangement(
      admin,
      null,
      { kind: "ADVICE_CONTACT", title: "Old contact", detail: "Phone the old number" },
      TEST_META,
    );
    if (!removed.ok) throw new Error("not saved");
    expect(await archiveLocalArrangement(admin, removed.id, TEST_META)).toEqual({ ok: true });
    expect(
      await saveLocalArrangement(
        admin,
        saved.id,
        {
          kind: "AGREEMENT",
          title: "Northshire multi-agency information sharing protocol",
          parties: "Northshire Council, Northshire Police, Northshire NHS Trust, schools",
        },
        TEST_META,
      ),
    ).toEqual({ ok: true, id: saved.id });
    expect(await auditCount("arrangement.add", saved.id)).toBe(1);
    expect(await auditCount("arrangement.change", saved.id)).toBe(1);
    expect(await auditCount("arrangement.remove", removed.id)).toBe(1);

    const inForce = await listLocalArrangements(admin.organisationId);
    expect(inForce.map((a) => a.id)).toContain(saved.id);
    expect(inForce.map((a) => a.id)).not.toContain(removed.id);

    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "LAW-ORG-0003");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const stamp = parseArrangementStamp(decision.localArrangements);
    expect(stamp?.find((a) => a.id === saved.id)).toMatchObject({
      kind: "AGREEMENT",
      title: "Northshire multi-agency information sharing protocol",
      version: 2,
    });
    expect(stamp?.map((a) => a.id)).not.toContain(removed.id);

    // Another organisation's decision carries none of Northshire's arrangements.
    const riverside = await recordThroughWizard(TOM, consentGivenShareAnswers(), "LAW-ORG-0004");
    const theirs = await db().decision.findUniqueOrThrow({ where: { reference: riverside } });
    expect(parseArrangementStamp(theirs.localArrangements)?.map((a) => a.id)).not.toContain(saved.id);
  });
});

describe("retention by record type", () => {
  it("gives new decisions the IG lead's rule for their type and keeps earlier records' dates", async () => {
    const before = await recordThroughWizard(SAM, consentGivenShareAnswers(), "LAW-ORG-0005");
    const earlier = await db().decision.findUniqueOrThrow({ where: { reference: before } });
    expect(earlier.retentionRule).toMatchObject({ recordType: "SHARE", years: 6 });

    const rules = {
      "years-CHILD_PROTECTION": "30",
      "untilAge-CHILD_PROTECTION": "25",
      "years-SHARE": "8",
      "untilAge-SHARE": "",
      "years-NO_SHARE": "6",
      "years-CONSULTATION": "2",
      "years-AGGREGATE": "1",
    };
    expect(await updateRetentionRules(await actorFor(ADMIN), rules, TEST_META)).toMatchObject({
      error: "forbidden",
    });
    expect(await updateRetentionRules(await actorFor(PRIYA), rules, TEST_META)).toEqual({ ok: true });
    expect(await db().auditEvent.count({ where: { action: "retention.rules.change" } })).toBe(1);

    const after = await recordThroughWizard(SAM, consentGivenShareAnswers(), "LAW-ORG-0006");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference: after } });
    expect(decision.retentionRule).toMatchObject({ recordType: "SHARE", years: 8, fromDateOfBirth: false });
    const years = decision.retainUntil.getUTCFullYear() - decision.recordedAt.getUTCFullYear();
    expect(years).toBe(8);
    expect((decision.record as { retainUntil: string }).retainUntil).toBe(decision.retainUntil.toISOString());
    expect((await db().decision.findUniqueOrThrow({ where: { reference: before } })).retainUntil).toEqual(
      earlier.retainUntil,
    );
  });
});
