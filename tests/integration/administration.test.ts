// Administration (issue 10, decision 020): the organisation's profile, its teams and its people,
// through the use cases on the real database as the app's role, and the actions through the
// pipeline. Every change is audited with before and after; another organisation's team or person
// is "not found" and a refusal; the last active admin cannot deactivate or demote themselves.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { LAST_ADMIN_MESSAGE } from "@/domain/administration";
import { totpCodeAt } from "@/domain/second-factor";
import { INITIAL_FORM_STATE } from "@/domain/errors";
import { type SessionState, sessionStateFor } from "@/server/auth/current-actor";
import { signInUser } from "@/server/auth/sign-in-user";
import { verifyTotpCode } from "@/server/second-factor/verify-totp-code";
import { changePersonAssignment } from "@/server/admin/change-person-assignment";
import { createTeam } from "@/server/admin/create-team";
import { listPeople } from "@/server/admin/list-people";
import { renameTeam } from "@/server/admin/rename-team";
import { setTeamArchived } from "@/server/admin/set-team-archived";
import { updateOrganisationProfile } from "@/server/admin/update-organisation-profile";
import { setUserAccess } from "@/server/set-user-access";
import { db } from "@/server/infra/db";
import { updateOrganisationProfileAction } from "@/app/admin/organisation/actions";
import { createTeamAction, renameTeamAction, setTeamArchivedAction } from "@/app/admin/teams/actions";
import { changePersonAssignmentAction, setUserAccessAction } from "@/app/admin/users/actions";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../scripts/lib/demo-data";
import { hostileFormInput, hostileString, isClearMessage } from "../property/hostile";
import { TEST_META, actorFor, withSuperuser } from "./support";
import { NORTHSHIRE_ADMIN as ADMIN, RIVERSIDE_ADMIN, PRIYA, ALEX, SAM, LEE, KIM } from "./demo-people";

const session = vi.hoisted(() => ({ current: { status: "signed-out" } as SessionState }));
vi.mock("@/server/auth/current-actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth/current-actor")>()),
  currentSession: async () => session.current,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "admin-test", "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";

const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).id;
const teamIdOf = async (organisationEmail: string, name: string) => {
  const { organisationId } = await actorFor(organisationEmail);
  return (await db().team.findFirstOrThrow({ where: { organisationId, name } })).id;
};

/** The newest audit event of an action on an object. */
async function lastEvent(action: string, objectId: string) {
  return db().auditEvent.findFirst({ where: { action, objectId }, orderBy: { id: "desc" } });
}

async function refusalsOf(email: string, attempt: () => Promise<unknown>) {
  const actor = await actorFor(email);
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  await attempt();
  return db().auditEvent.findMany({
    where: { actorId: actor.userId, action: "access.denied", id: { gt: last?.id ?? BigInt(0) } },
  });
}

describe("the organisation's profile", () => {
  it("changes name and kind, audited with before and after, and only for the admin's organisation", async () => {
    const admin = await actorFor(RIVERSIDE_ADMIN);
    const before = await db().organisation.findUniqueOrThrow({ where: { id: admin.organisationId } });
    const result = await updateOrganisationProfile(
      admin,
      { name: "Riverside Primary Academy", kind: "VOLUNTARY" },
      TEST_META,
    );
    expect(result).toEqual({ ok: true, changed: true });
    const after = await db().organisation.findUniqueOrThrow({ where: { id: admin.organisationId } });
    expect(after).toMatchObject({ name: "Riverside Primary Academy", kind: "VOLUNTARY" });
    const event = await lastEvent("organisation.update", admin.organisationId);
    expect(event?.detail).toEqual({
      before: { name: before.name, kind: before.kind },
      after: { name: "Riverside Primary Academy", kind: "VOLUNTARY" },
    });
    expect(event).toMatchObject({ actorId: admin.userId, organisationId: admin.organisationId, outcome: "SUCCESS" });

    // Unchanged: nothing written, nothing audited.
    const events = await db().auditEvent.count({ where: { action: "organisation.update" } });
    const again = await updateOrganisationProfile(
      admin,
      { name: "Riverside Primary Academy", kind: "VOLUNTARY" },
      TEST_META,
    );
    expect(again).toEqual({ ok: true, changed: false });
    expect(await db().auditEvent.count({ where: { action: "organisation.update" } })).toBe(events);

    await updateOrganisationProfile(admin, { name: before.name, kind: before.kind }, TEST_META);
  });

  it("refuses another organisation's name, an unknown kind and a blank name", async () => {
    const admin = await actorFor(ADMIN);
    const taken = await updateOrganisationProfile(
      admin,
      { name: "Riverside Primary School", kind: "LOCAL_AUTHORITY" },
      TEST_META,
    );
    expect(taken).toMatchObject({ ok: false, error: "conflict", errors: [{ field: "name" }] });
    const invalid = await updateOrganisationProfile(admin, { name: " ", kind: "PIRATES" }, TEST_META);
    expect(invalid).toMatchObject({ ok: false, error: "invalid" });
    if (!invalid.ok) expect(invalid.errors.map((e) => e.field)).toEqual(["name", "kind"]);
  });
});

describe("teams", () => {
  it("are created, renamed, archived and unarchived, each audited with before and after", async () => {
    const admin = await actorFor(ADMIN);
    const created = await createTeam(admin, { name: "  Early   Help  " }, TEST_META);
    expect(created).toMatchObject({ ok: true, name: "Early Help" });
    if (!created.ok) return;
    const { teamId } = created;
    expect((await lastEvent("team.create", teamId))?.detail).toEqual({ before: null, after: { name: "Early Help" } });

    expect(await renameTeam(admin, { teamId, name: "Early Help Hub" }, TEST_META)).toMatchObject({ ok: true });
    expect((await lastEvent("team.rename", teamId))?.detail).toEqual({
      before: { name: "Early Help" },
      after: { name: "Early Help Hub" },
    });

    expect(await setTeamArchived(admin, { teamId, archived: "yes" }, TEST_META)).toMatchObject({
      ok: true,
      archived: true,
    });
    expect((await lastEvent("team.archive", teamId))?.detail).toEqual({
      name: "Early Help Hub",
      before: { archived: false },
      after: { archived: true },
    });
    expect(await setTeamArchived(admin, { teamId, archived: "yes" }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await setTeamArchived(admin, { teamId, archived: "no" }, TEST_META)).toMatchObject({ ok: true });
    expect(await lastEvent("team.unarchive", teamId)).not.toBeNull();
  });

  it("have names unique in the organisation whatever their case, but not across organisations", async () => {
    const admin = await actorFor(ADMIN);
    const clash = await createTeam(admin, { name: "assessment TEAM north" }, TEST_META);
    expect(clash).toMatchObject({ ok: false, error: "conflict", errors: [{ field: "name" }] });

    const southId = await teamIdOf(ADMIN, "Assessment Team South");
    const renameClash = await renameTeam(admin, { teamId: southId, name: "ASSESSMENT TEAM NORTH" }, TEST_META);
    expect(renameClash).toMatchObject({ ok: false, error: "conflict" });
    // Only the case of its own name: allowed.
    const recase = await renameTeam(admin, { teamId: southId, name: "Assessment team South" }, TEST_META);
    expect(recase).toMatchObject({ ok: true });
    await renameTeam(admin, { teamId: southId, name: "Assessment Team South" }, TEST_META);

    const elsewhere = await createTeam(await actorFor(RIVERSIDE_ADMIN), { name: "Assessment Team North" }, TEST_META);
    expect(elsewhere).toMatchObject({ ok: true });
  });

  it("are unique whatever their case in the database itself, whoever writes them", async () => {
    const { organisationId } = await actorFor(ADMIN);
    const error = await withSuperuser((client) =>
      client
        .query("INSERT INTO team (id, organisation_id, name) VALUES (gen_random_uuid(), $1, $2)", [
          organisationId,
          " assessment team north",
        ])
        .then(() => null)
        .catch((e: { code?: string }) => e.code),
    );
    expect(error).toBe("23505");
  });

  it("of another organisation are not found, and the attempt is audited as a refusal", async () => {
    const riversideAdmin = await actorFor(RIVERSIDE_ADMIN);
    const northId = await teamIdOf(ADMIN, "Assessment Team North");
    const events = await refusalsOf(RIVERSIDE_ADMIN, async () => {
      expect(await renameTeam(riversideAdmin, { teamId: northId, name: "Ours now" }, TEST_META)).toMatchObject({
        ok: false,
        error: "not-found",
      });
      expect(await setTeamArchived(riversideAdmin, { teamId: northId, archived: "yes" }, TEST_META)).toMatchObject({
        ok: false,
        error: "not-found",
      });
    });
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({ objectType: "team", objectId: northId, outcome: "DENIED" });
      expect(event.detail).toEqual({ attempted: "teams.manage", reason: "other-organisation" });
    }
    const north = await db().team.findUniqueOrThrow({ where: { id: northId } });
    expect(north).toMatchObject({ name: "Assessment Team North", archivedAt: null });
  });
});

describe("people: role and team", () => {
  it("changes a person's role and team, audited with before and after", async () => {
    const admin = await actorFor(ADMIN);
    const lee = await userId(LEE);
    const southId = await teamIdOf(ADMIN, "Assessment Team South");
    const northId = await teamIdOf(ADMIN, "Assessment Team North");
    const result = await changePersonAssignment(admin, { userId: lee, role: "SUPERVISOR", teamId: northId }, TEST_META);
    expect(result).toEqual({ ok: true, userId: lee, name: "Lee Jones", changed: true });
    expect(await db().user.findUniqueOrThrow({ where: { id: lee } })).toMatchObject({
      role: "SUPERVISOR",
      teamId: northId,
    });
    expect((await lastEvent("user.update", lee))?.detail).toEqual({
      before: { role: "PRACTITIONER", teamId: southId, teamName: "Assessment Team South" },
      after: { role: "SUPERVISOR", teamId: northId, teamName: "Assessment Team North" },
    });

    const none = await changePersonAssignment(admin, { userId: lee, role: "PRACTITIONER", teamId: "none" }, TEST_META);
    expect(none).toMatchObject({ ok: true, changed: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: lee } })).teamId).toBeNull();
    await changePersonAssignment(admin, { userId: lee, role: "PRACTITIONER", teamId: southId }, TEST_META);
  });

  it("takes nobody new into an archived team, but lets its members stay", async () => {
    const admin = await actorFor(ADMIN);
    const created = await createTeam(admin, { name: "Closing Team" }, TEST_META);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const sam = await userId(SAM);
    const northId = await teamIdOf(ADMIN, "Assessment Team North");
    await changePersonAssignment(admin, { userId: sam, role: "PRACTITIONER", teamId: created.teamId }, TEST_META);
    await setTeamArchived(admin, { teamId: created.teamId, archived: "yes" }, TEST_META);

    // Sam stays in it while their role changes.
    const stays = await changePersonAssignment(
      admin,
      { userId: sam, role: "SUPERVISOR", teamId: created.teamId },
      TEST_META,
    );
    expect(stays).toMatchObject({ ok: true, changed: true });
    // Nobody joins it.
    const lee = await userId(LEE);
    const joins = await changePersonAssignment(
      admin,
      { userId: lee, role: "PRACTITIONER", teamId: created.teamId },
      TEST_META,
    );
    expect(joins).toMatchObject({ ok: false, error: "invalid", errors: [{ field: "teamId" }] });

    await changePersonAssignment(admin, { userId: sam, role: "PRACTITIONER", teamId: northId }, TEST_META);
  });

  it("refuses a team or a person of another organisation", async () => {
    const admin = await actorFor(ADMIN);
    const riversideAdmin = await actorFor(RIVERSIDE_ADMIN);
    const sam = await userId(SAM);
    const riversideTeam = await teamIdOf(RIVERSIDE_ADMIN, "Safeguarding Team");
    const otherTeam = await changePersonAssignment(
      admin,
      { userId: sam, role: "PRACTITIONER", teamId: riversideTeam },
      TEST_META,
    );
    expect(otherTeam).toMatchObject({ ok: false, error: "invalid", errors: [{ field: "teamId" }] });

    const events = await refusalsOf(RIVERSIDE_ADMIN, async () => {
      const result = await changePersonAssignment(
        riversideAdmin,
        { userId: sam, role: "ADMIN", teamId: riversideTeam },
        TEST_META,
      );
      expect(result).toMatchObject({ ok: false, error: "not-found" });
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ objectType: "user", objectId: sam });
    expect(events[0]?.detail).toEqual({ attempted: "users.manage", reason: "other-organisation" });
    expect(await db().user.findUniqueOrThrow({ where: { id: sam } })).toMatchObject({ role: "PRACTITIONER" });
  });
});

describe("people: deactivation", () => {
  it("ends every session at once, is audited with before and after, and reactivation lets them back", async () => {
    const admin = await actorFor(ADMIN);
    const signedIn = await signInUser({ email: KIM, password: DEMO_PASSWORD }, TEST_META);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.errors));
    const { user } = signedIn;
    const claims = { userId: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId };
    // The demo account has an authenticator app (decision 021): the password alone leaves the
    // session pending; the app's code completes it.
    expect((await sessionStateFor(claims)).status).toBe("second-factor-pending");
    const now = Date.now();
    const code = totpCodeAt(DEMO_TOTP_SECRET, now);
    expect(await verifyTotpCode(await actorFor(KIM), user.sessionId, { code }, TEST_META, now)).toEqual({ ok: true });
    expect((await sessionStateFor(claims)).status).toBe("signed-in");

    const result = await setUserAccess(admin, { userId: user.id, access: "disable" }, TEST_META);
    expect(result).toMatchObject({ ok: true, access: "disable", self: false });
    expect(await sessionStateFor(claims)).toEqual({ status: "revoked" });
    const open = await db().userSession.count({ where: { userId: user.id, endedAt: null } });
    expect(open).toBe(0);
    const event = await lastEvent("user.disable", user.id);
    expect(event?.detail).toMatchObject({ before: { active: true }, after: { active: false } });
    expect((event?.detail as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);

    expect(await setUserAccess(admin, { userId: user.id, access: "disable" }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await setUserAccess(admin, { userId: user.id, access: "enable" }, TEST_META)).toMatchObject({ ok: true });
    expect((await lastEvent("user.enable", user.id))?.detail).toEqual({
      before: { active: false },
      after: { active: true },
    });
    expect(await signInUser({ email: KIM, password: DEMO_PASSWORD }, TEST_META)).toMatchObject({ ok: true });
  });
});

describe("the last active admin", () => {
  it("cannot deactivate or demote themselves: a conflict that says why", async () => {
    const admin = await actorFor(ADMIN);
    const deactivate = await setUserAccess(admin, { userId: admin.userId, access: "disable" }, TEST_META);
    expect(deactivate).toEqual({
      ok: false,
      error: "conflict",
      errors: [{ field: "_form", message: LAST_ADMIN_MESSAGE }],
    });
    const demote = await changePersonAssignment(
      admin,
      { userId: admin.userId, role: "IG_LEAD", teamId: "none" },
      TEST_META,
    );
    expect(demote).toEqual({ ok: false, error: "conflict", errors: [{ field: "role", message: LAST_ADMIN_MESSAGE }] });
    // Their team can still change.
    const northId = await teamIdOf(ADMIN, "Assessment Team North");
    expect(
      await changePersonAssignment(admin, { userId: admin.userId, role: "ADMIN", teamId: northId }, TEST_META),
    ).toMatchObject({ ok: true });
    await changePersonAssignment(admin, { userId: admin.userId, role: "ADMIN", teamId: "none" }, TEST_META);
    const stillAdmin = await db().user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect(stillAdmin).toMatchObject({ role: "ADMIN", disabledAt: null });
  });

  it("can step down once another admin is active; two admins removing each other at once leave one", async () => {
    const admin = await actorFor(ADMIN);
    const priya = await userId(PRIYA);
    await changePersonAssignment(admin, { userId: priya, role: "ADMIN", teamId: "none" }, TEST_META);
    const priyaAdmin = await actorFor(PRIYA);

    const [first, second] = await Promise.all([
      setUserAccess(admin, { userId: priya, access: "disable" }, TEST_META),
      setUserAccess(priyaAdmin, { userId: admin.userId, access: "disable" }, TEST_META),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const active = await db().user.count({
      where: { organisationId: admin.organisationId, role: "ADMIN", disabledAt: null },
    });
    expect(active).toBe(1);

    // Put things back: whoever is still active reactivates the other, then Priya steps down herself.
    const survivor = first.ok ? admin : priyaAdmin;
    const other = first.ok ? priya : admin.userId;
    expect(await setUserAccess(survivor, { userId: other, access: "enable" }, TEST_META)).toMatchObject({ ok: true });
    const stepDown = await changePersonAssignment(
      priyaAdmin,
      { userId: priya, role: "IG_LEAD", teamId: "none" },
      TEST_META,
    );
    expect(stepDown).toMatchObject({ ok: true, changed: true });
  });
});

describe("the people list", () => {
  it("searches by name or email and filters by role, team and status, within the organisation", async () => {
    const admin = await actorFor(ADMIN);
    const southId = await teamIdOf(ADMIN, "Assessment Team South");
    const names = async (filter: Parameters<typeof listPeople>[1]) =>
      (await listPeople(admin, filter)).people.map((p) => p.name);
    expect(await names({ q: "PATEL" })).toEqual(["Sam Patel"]);
    expect(await names({ q: "kim.ahmed@" })).toEqual(["Kim Ahmed"]);
    expect(await names({ role: "SUPERVISOR", team: southId })).toEqual(["Kim Ahmed"]);
    expect(await names({ team: "none", role: "IG_LEAD" })).toEqual(["Priya Shah"]);
    expect(await names({ q: "okafor" })).toEqual([]);
    const all = await listPeople(admin, {});
    expect(all.people.every((p) => p.active)).toBe(true);
    expect(await names({ status: "deactivated" })).toEqual([]);
  });
});

describe("through the pipeline", () => {
  const state = INITIAL_FORM_STATE;
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };
  const refusedWith = (status: 403 | 404) => expect.objectContaining({ digest: `NEXT_HTTP_ERROR_FALLBACK;${status}` });
  const signInAs = async (email: string) => {
    session.current = { status: "signed-in", user: await actorFor(email), unreadNotifications: 0 };
  };

  it.each([
    ["organisation.manage", PRIYA, () => updateOrganisationProfileAction(state, form({ name: "X", kind: "SCHOOL" }))],
    ["teams.manage", ALEX, () => createTeamAction(state, form({ name: "Alex's team" }))],
    ["teams.manage", SAM, () => renameTeamAction(state, form({}))],
    ["teams.manage", PRIYA, () => setTeamArchivedAction(state, form({}))],
    ["users.manage", PRIYA, () => changePersonAssignmentAction(state, form({}))],
  ] as const)("refuses %s to %s with one access.denied", async (attempted, email, attempt) => {
    await signInAs(email);
    const events = await refusalsOf(email, async () => {
      await expect(attempt()).rejects.toEqual(refusedWith(403));
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toEqual({ attempted });
  });

  it("answers another organisation's person with the not-found page", async () => {
    await signInAs(RIVERSIDE_ADMIN);
    const sam = await userId(SAM);
    const attempt = () => setUserAccessAction(state, form({ userId: sam, access: "disable" }));
    const events = await refusalsOf(RIVERSIDE_ADMIN, async () => {
      await expect(attempt()).rejects.toEqual(refusedWith(404));
    });
    expect(events).toHaveLength(1);
    expect((await db().user.findUniqueOrThrow({ where: { id: sam } })).disabledAt).toBeNull();
  });

  it("creates a team and redirects to its page; a clash comes back as the form's error", async () => {
    await signInAs(ADMIN);
    await expect(createTeamAction(state, form({ name: "Pipeline Team" }))).rejects.toEqual(
      expect.objectContaining({
        digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/admin\/teams\/[0-9a-f-]+\?done=created/),
      }),
    );
    const clash = await createTeamAction(state, form({ name: "pipeline team" }));
    expect(clash.errors).toEqual([{ field: "name", message: expect.stringContaining("already a team") }]);
    expect(clash.values).toEqual({ name: "pipeline team" });
  });
});

describe("hostile input", () => {
  /** Done, or refused with a clear message: never an exception, whatever is posted. */
  const doneOrClearlyRefused = (result: { ok: boolean; errors?: { message: string }[] }) => {
    if (result.ok) return;
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) expect(isClearMessage(error.message), error.message).toBe(true);
  };

  it("to every administration use case is done or refused clearly", async () => {
    const admin = await actorFor(RIVERSIDE_ADMIN);
    const teamId = await teamIdOf(RIVERSIDE_ADMIN, "Safeguarding Team");
    const tom = await userId("tom.baker@riverside.example");
    await fc.assert(
      fc.asyncProperty(
        hostileFormInput(["name", "kind"]),
        hostileFormInput(["teamId", "name", "archived"]),
        hostileFormInput(["userId", "role", "teamId", "access"]),
        hostileString,
        async (profile, team, person, name) => {
          doneOrClearlyRefused(await updateOrganisationProfile(admin, profile, TEST_META));
          doneOrClearlyRefused(await createTeam(admin, team, TEST_META));
          doneOrClearlyRefused(await renameTeam(admin, { teamId, name }, TEST_META));
          doneOrClearlyRefused(await setTeamArchived(admin, team, TEST_META));
          doneOrClearlyRefused(await changePersonAssignment(admin, person, TEST_META));
          doneOrClearlyRefused(await changePersonAssignment(admin, { userId: tom, role: name, teamId }, TEST_META));
          doneOrClearlyRefused(await setUserAccess(admin, person, TEST_META));
        },
      ),
      { numRuns: 20 },
    );
  });
});
