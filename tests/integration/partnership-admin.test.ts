// The admin pages of issue 14 (decision 033) on a real PostgreSQL, as the app's restricted role:
// bank holidays added and removed (and the clocks of new requests skipping them, while requests
// already sent keep their due times), a partnership's response times changed for new requests only,
// every change audited and every refusal audited once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/infra/db";
import { addBankHoliday } from "@/server/partnerships/add-bank-holiday";
import { listBankHolidays } from "@/server/partnerships/list-bank-holidays";
import {
  BANK_HOLIDAY_NOT_FOUND,
  NOT_REMOVABLE,
  getBankHolidayToRemove,
  removeBankHoliday,
} from "@/server/partnerships/remove-bank-holiday";
import { getResponseTimesToChange, setResponseTimes } from "@/server/partnerships/set-response-times";
import { viewPartnerships } from "@/server/partnerships/view-partnerships";
import { sendRequest } from "@/server/requests/send-request";
import { TEST_META, actorFor, verifyAuditChain, withAppRole, withSuperuser } from "./support";
// The council has a lead partner (the director); the school is a member organisation with none.
import {
  NORTHSHIRE_ADMIN as COUNCIL_ADMIN,
  RIVERSIDE_ADMIN as SCHOOL_ADMIN,
  TOM as TEACHER,
  DAN as SCHOOL_IG,
} from "./demo-people";

const ELSEWHERE_ADMIN = "admin@eastshire.example"; // an organisation in no partnership

// The test's "today": Monday 30 November 2026, so 2027 is the future.
const NOW = new Date("2026-11-30T10:00:00Z");

let trustId: string;
let partnershipId: string;
let memberOrganisationIds: string[];

function requestInput(priority: string) {
  return {
    respondingOrganisationId: trustId,
    priority,
    caseReference: "RPS-2027-033",
    childName: "Jamie Doe",
    purpose: "Jamie has had unexplained bruising twice this month.",
    informationNeeded: "Any A&E attendances in the last six months.",
    lawfulBasis: "Children Act 2004 s.11; UK GDPR 6(1)(e)",
  };
}

async function send(priority: string, at: Date) {
  const result = await sendRequest(await actorFor(TEACHER), requestInput(priority), TEST_META, at);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return db().informationRequest.findUniqueOrThrow({
    where: { reference: result.reference },
    select: { reference: true, dueAt: true, responseHours: true },
  });
}

async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

async function eventsSince(since: bigint, action: string) {
  return db().auditEvent.findMany({
    where: { id: { gt: since }, action },
    orderBy: { id: "asc" },
    select: { organisationId: true, actorId: true, objectType: true, objectId: true, detail: true },
  });
}

function holidayForm(day: string, month: string, year: string, name: string) {
  return { "date-day": day, "date-month": month, "date-year": year, name };
}

beforeAll(async () => {
  trustId = (await db().organisation.findUniqueOrThrow({ where: { name: "Northshire Health NHS Foundation Trust" } }))
    .id;
  const partnership = await db().partnership.findUniqueOrThrow({
    where: { name: "Northshire Safeguarding Children Partnership" },
    select: { id: true, members: { select: { organisationId: true } } },
  });
  partnershipId = partnership.id;
  memberOrganisationIds = partnership.members.map((member) => member.organisationId);
  // An organisation in no partnership, with its own admin.
  await withSuperuser(async (client) => {
    const org = await client.query<{ id: string }>(
      `INSERT INTO organisation (id, name, kind) VALUES (gen_random_uuid(), 'Eastshire Borough Council',
       'LOCAL_AUTHORITY') RETURNING id`,
    );
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id)
       VALUES (gen_random_uuid(), $1, 'Eastshire Admin', 'x', 'ADMIN', $2)`,
      [ELSEWHERE_ADMIN, org.rows[0]!.id],
    );
  });
});

describe("bank holidays", () => {
  // Tuesday 15 June 2027, 3pm UK time (BST): 2 of Red's 4 working hours that day, 2 the next working day.
  const sentAt = new Date("2027-06-15T14:00:00Z");

  it("adds a holiday: a request sent before keeps its due time, a new one skips the day", async () => {
    const before = await send("RED", sentAt);
    expect(before.dueAt).toEqual(new Date("2027-06-16T10:00:00Z")); // Wednesday, 11am BST

    const since = await lastAuditId();
    const admin = await actorFor(SCHOOL_ADMIN); // any member organisation's admin keeps the list
    const added = await addBankHoliday(admin, holidayForm("16", "6", "2027", "Partnership day"), TEST_META, NOW);
    expect(added).toEqual({ ok: true, day: "2027-06-16", name: "Partnership day" });

    const after = await send("RED", sentAt);
    expect(after.dueAt).toEqual(new Date("2027-06-17T10:00:00Z")); // Thursday: Wednesday is a holiday now
    const unchanged = await db().informationRequest.findUniqueOrThrow({ where: { reference: before.reference } });
    expect(unchanged.dueAt).toEqual(before.dueAt);

    const events = await eventsSince(since, "bank-holiday.add");
    expect(events).toEqual([
      {
        organisationId: admin.organisationId,
        actorId: admin.userId,
        objectType: "bank-holiday",
        objectId: "2027-06-16",
        detail: { division: "england-and-wales", day: "2027-06-16", name: "Partnership day" },
      },
    ]);
    expect((await verifyAuditChain(admin.organisationId)).broken).toBeNull();
    const list = await listBankHolidays(admin, NOW);
    const june = list.years.find((year) => year.year === "2027")?.holidays.find((h) => h.day === "2027-06-16");
    expect(june).toEqual({ day: "2027-06-16", name: "Partnership day", removable: true });
    expect(list.canManage).toBe(true);
  });

  it("refuses a day already in the list, a past day and a weekend, and writes nothing", async () => {
    const admin = await actorFor(COUNCIL_ADMIN);
    const since = await lastAuditId();
    expect(await addBankHoliday(admin, holidayForm("16", "6", "2027", "Again"), TEST_META, NOW)).toEqual({
      ok: false,
      error: "conflict",
      errors: [{ field: "date", message: "There is already a bank holiday on 16 June 2027: Partnership day" }],
    });
    const past = await addBankHoliday(admin, holidayForm("2", "11", "2026", "Late"), TEST_META, NOW);
    expect(past.ok ? [] : past.errors).toEqual([
      { field: "date", message: "Date of the bank holiday must be today or in the future" },
    ]);
    const saturday = await addBankHoliday(admin, holidayForm("19", "6", "2027", "Sat"), TEST_META, NOW);
    expect(saturday.ok).toBe(false);
    expect(await db().auditEvent.count({ where: { id: { gt: since } } })).toBe(0);
  });

  it("removes a holiday still to come, named by the confirmation page; new requests count the day again", async () => {
    const admin = await actorFor(COUNCIL_ADMIN);
    expect(await getBankHolidayToRemove(admin, "2027-06-16", TEST_META, NOW)).toEqual({
      ok: true,
      day: "2027-06-16",
      name: "Partnership day",
    });
    const since = await lastAuditId();
    expect(await removeBankHoliday(admin, { day: "2027-06-16" }, TEST_META, NOW)).toEqual({
      ok: true,
      day: "2027-06-16",
      name: "Partnership day",
    });
    expect((await send("RED", sentAt)).dueAt).toEqual(new Date("2027-06-16T10:00:00Z"));
    expect(await eventsSince(since, "bank-holiday.remove")).toEqual([
      {
        organisationId: admin.organisationId,
        actorId: admin.userId,
        objectType: "bank-holiday",
        objectId: "2027-06-16",
        detail: { division: "england-and-wales", day: "2027-06-16", name: "Partnership day" },
      },
    ]);
    // Gone, so a second removal (another admin's, a second click) finds nothing.
    const again = await removeBankHoliday(admin, { day: "2027-06-16" }, TEST_META, NOW);
    expect(again.ok ? null : again.error).toBe("not-found");
  });

  it("keeps today's and past holidays: removing one is a conflict, and nothing is removed", async () => {
    const admin = await actorFor(COUNCIL_ADMIN);
    const christmas = new Date("2026-12-25T12:00:00Z");
    const result = await removeBankHoliday(admin, { day: "2026-12-25" }, TEST_META, christmas);
    expect(result).toEqual({ ok: false, error: "conflict", errors: [{ field: "_form", message: NOT_REMOVABLE }] });
    const held = await db().bankHoliday.count({ where: { day: new Date("2026-12-25T00:00:00Z") } });
    expect(held).toBe(1);
    const missing = await getBankHolidayToRemove(admin, "2027-06-18", TEST_META, NOW);
    expect(missing).toEqual({
      ok: false,
      error: "not-found",
      errors: [{ field: "_form", message: BANK_HOLIDAY_NOT_FOUND }],
    });
    const nonsense = await removeBankHoliday(admin, { day: "2027-02-30" }, TEST_META, NOW);
    expect(nonsense.ok ? null : nonsense.error).toBe("not-found");
  });

  it.each([
    [TEACHER, "a practitioner"],
    [SCHOOL_IG, "an IG lead"],
    [ELSEWHERE_ADMIN, "an admin of an organisation in no partnership"],
  ])("refuses %s (%s) before reading the form, audited once", async (email) => {
    const user = await actorFor(email);
    const since = await lastAuditId();
    const added = await addBankHoliday(user, holidayForm("", "", "", ""), TEST_META, NOW);
    expect(added.ok ? null : added.error).toBe("forbidden");
    const removed = await removeBankHoliday(user, { day: "2027-05-31" }, TEST_META, NOW);
    expect(removed.ok ? null : removed.error).toBe("forbidden");
    const refusals = await eventsSince(since, "access.denied");
    expect(refusals).toEqual([
      expect.objectContaining({ actorId: user.userId, detail: { attempted: "bank-holidays.manage" } }),
      expect.objectContaining({ actorId: user.userId, detail: { attempted: "bank-holidays.manage" } }),
    ]);
    expect(await db().bankHoliday.count({ where: { day: new Date("2027-05-31T00:00:00Z") } })).toBe(1);
    expect((await listBankHolidays(user, NOW)).canManage).toBe(false);
  });
});

describe("a partnership's response times", () => {
  const sentAt = new Date("2027-06-14T08:00:00Z"); // Monday 9am BST

  it("shows them to everyone in a member organisation; a lead partner's organisation's admin may change", async () => {
    const view = async (email: string) => viewPartnerships(await actorFor(email));
    const [council, school, teacher] = [await view(COUNCIL_ADMIN), await view(SCHOOL_ADMIN), await view(TEACHER)];
    expect(council.map((p) => [p.name, p.responseHours, p.canChangeResponseTimes])).toEqual([
      ["Northshire Safeguarding Children Partnership", { RED: 4, AMBER: 24, GREEN: 72 }, true],
    ]);
    expect(council[0]!.members.map((member) => member.contactTeamName).toSorted()).toEqual([
      "Assessment Team North",
      "Public Protection Unit",
      "Safeguarding Children Team",
      "Safeguarding Team",
    ]);
    expect(council[0]!.leadPartners).toHaveLength(3);
    expect(school[0]!.canChangeResponseTimes).toBe(false);
    expect(teacher[0]!.canChangeResponseTimes).toBe(false);
    expect(await viewPartnerships(await actorFor(ELSEWHERE_ADMIN))).toEqual([]);
  });

  it("changes them for requests sent afterwards; one sent before keeps its hours and due time", async () => {
    const before = await send("AMBER", sentAt);
    expect(before.responseHours).toBe(24);
    const admin = await actorFor(COUNCIL_ADMIN);
    expect(await getResponseTimesToChange(admin, partnershipId, TEST_META)).toEqual({
      ok: true,
      id: partnershipId,
      name: "Northshire Safeguarding Children Partnership",
      responseHours: { RED: 4, AMBER: 24, GREEN: 72 },
    });
    const since = await lastAuditId();
    const form = { partnershipId, red: "2", amber: "16", green: "72" };
    expect(await setResponseTimes(admin, form, TEST_META)).toEqual({ ok: true, partnershipId, changed: true });

    const after = await send("AMBER", sentAt);
    expect(after.responseHours).toBe(16);
    expect(after.dueAt).toEqual(new Date("2027-06-15T16:00:00Z")); // two working days: Tuesday 5pm BST
    const kept = await db().informationRequest.findUniqueOrThrow({ where: { reference: before.reference } });
    expect([kept.responseHours, kept.dueAt]).toEqual([24, before.dueAt]);
    expect((await send("RED", sentAt)).responseHours).toBe(2);

    // In every member organisation's log, with what changed.
    const events = await eventsSince(since, "partnership.response-times");
    expect(events.map((event) => event.organisationId).toSorted()).toEqual(memberOrganisationIds.toSorted());
    for (const event of events) {
      expect(event).toMatchObject({ actorId: admin.userId, objectType: "partnership", objectId: partnershipId });
      expect(event.detail).toEqual({
        partnership: "Northshire Safeguarding Children Partnership",
        before: { RED: 4, AMBER: 24 },
        after: { RED: 2, AMBER: 16 },
      });
    }
    for (const organisationId of memberOrganisationIds) {
      expect((await verifyAuditChain(organisationId)).broken).toBeNull();
    }
  });

  it("writes nothing when nothing changes, and gives GOV.UK messages for wrong hours", async () => {
    const admin = await actorFor(COUNCIL_ADMIN);
    const since = await lastAuditId();
    expect(await setResponseTimes(admin, { partnershipId, red: "2", amber: "16", green: "72" }, TEST_META)).toEqual({
      ok: true,
      partnershipId,
      changed: false,
    });
    const wrong = await setResponseTimes(admin, { partnershipId, red: "20", amber: "16", green: "" }, TEST_META);
    expect(wrong.ok ? [] : wrong.errors).toEqual([
      { field: "green", message: "Enter the Green response time in working hours" },
      { field: "amber", message: "Amber response time must be longer than Red (20 hours)" },
    ]);
    expect(await db().auditEvent.count({ where: { id: { gt: since } } })).toBe(0);
  });

  it("refuses a member's admin with no lead partner (forbidden), anyone outside (not found), audited", async () => {
    const form = { partnershipId, red: "1", amber: "2", green: "3" };
    const school = await actorFor(SCHOOL_ADMIN);
    const elsewhere = await actorFor(ELSEWHERE_ADMIN);
    const since = await lastAuditId();
    const refused = await setResponseTimes(school, form, TEST_META);
    expect(refused.ok ? null : refused.error).toBe("forbidden");
    const page = await getResponseTimesToChange(school, partnershipId, TEST_META);
    expect(page.ok ? null : page.error).toBe("forbidden");
    const outside = await setResponseTimes(elsewhere, form, TEST_META);
    expect(outside.ok ? null : outside.error).toBe("not-found");
    const unknown = await setResponseTimes(elsewhere, { ...form, partnershipId: "not-a-partnership" }, TEST_META);
    expect(unknown.ok ? null : unknown.error).toBe("not-found");

    const refusals = await eventsSince(since, "access.denied");
    expect(refusals.map((event) => [event.actorId, event.objectId, event.detail])).toEqual([
      [school.userId, partnershipId, { attempted: "partnership.response-times" }],
      [school.userId, partnershipId, { attempted: "partnership.response-times" }],
      [elsewhere.userId, partnershipId, { attempted: "partnership.response-times", reason: "other-organisation" }],
      [
        elsewhere.userId,
        "not-a-partnership",
        { attempted: "partnership.response-times", reason: "other-organisation" },
      ],
    ]);
    const hours = await db().partnershipResponseTime.findMany({
      where: { partnershipId },
      orderBy: { priority: "asc" },
    });
    expect(hours.map((row) => row.workingHours)).toEqual([2, 16, 72]);
  });

  it("is held by the database: the app's role may not delete, nor set hours out of range or order", async () => {
    await withAppRole(async (client) => {
      await expect(client.query("DELETE FROM partnership_response_time")).rejects.toThrow(/permission denied/);
      await expect(
        client.query(`UPDATE partnership_response_time SET working_hours = 241 WHERE priority = 'GREEN'`),
      ).rejects.toThrow(/1 to 240/);
      await expect(
        client.query(`UPDATE partnership_response_time SET working_hours = 20 WHERE priority = 'RED'`),
      ).rejects.toThrow(/faster than the next/);
      await expect(
        client.query(`UPDATE partnership_response_time SET partnership_id = partnership_id`),
      ).rejects.toThrow(/permission denied/);
    });
  });
});
