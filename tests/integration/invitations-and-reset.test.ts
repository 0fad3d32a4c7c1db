// Invitations and password reset (decision 019), through the use cases, with the links read from
// the real messages the run's local SMTP server received.
import { describe, expect, inject, it } from "vitest";
import { acceptInvitation, loadInvitation } from "@/server/accounts/accept-invitation";
import { changeInvitation } from "@/server/accounts/change-invitation";
import { importInvitations, previewInvitationImport } from "@/server/accounts/import-invitations";
import { inviteUser } from "@/server/accounts/invite-user";
import { listInvitations } from "@/server/accounts/list-invitations";
import { passwordResetIsUsable, requestPasswordReset, resetPassword } from "@/server/accounts/password-reset";
import { signInUser } from "@/server/auth/sign-in-user";
import { db } from "@/server/infra/db";
import { deliverDueEmail } from "@/server/mail/email-outbox";
import { waitForEmail } from "../../scripts/lib/mailbox";
import { TEST_META, actorFor, withSuperuser } from "./support";

const BASE = "http://infoshare.test";
const PASSWORD = "marmalade tugboat quiver";

/** Delivers what is queued, then the link in the newest message to `address` whose subject has `subject`. */
async function linkSentTo(address: string, subject: string): Promise<string> {
  for (let round = 0; round < 10; round += 1) {
    if ((await deliverDueEmail(undefined, BASE)).sent === 0) break;
  }
  const email = await waitForEmail(
    inject("mailFolder"),
    (m) => m.to.includes(address) && m.subject.includes(subject),
    5_000,
  );
  return email.links[0]!;
}

const tokenOf = (link: string) => link.split("/").pop()!;
const unique = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function lastAudit(action: string) {
  return db().auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });
}

/** A practitioner Northshire's admin invited: the admin, the address, the invitation and its link's token. */
async function invitedPractitioner(name: string, emailPrefix: string) {
  const admin = await actorFor("admin@northshire.example");
  const email = unique(emailPrefix);
  const invited = await inviteUser(admin, { name, email, role: "PRACTITIONER" }, TEST_META);
  if (!invited.ok) throw new Error("invite failed");
  return { admin, email, invitationId: invited.invitationId, token: tokenOf(await linkSentTo(email, "invited")) };
}

describe("invitations", () => {
  it("invites by email; the link sets a password, creates the account in role and team, and works once", async () => {
    const admin = await actorFor("admin@northshire.example");
    const team = await db().team.findFirstOrThrow({ where: { organisationId: admin.organisationId } });
    const email = unique("new.supervisor");
    const invited = await inviteUser(
      admin,
      { name: "Nia Evans", email: email.toUpperCase(), role: "SUPERVISOR", teamId: team.id },
      TEST_META,
    );
    expect(invited).toMatchObject({ ok: true, email });
    expect((await lastAudit("invitation.create"))?.detail).toMatchObject({ email, role: "SUPERVISOR", via: "form" });

    const link = await linkSentTo(email, "invited");
    expect(link).toMatch(/^http:\/\/infoshare\.test\/invitation\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    // Hashed at rest: the database never holds the token itself.
    expect(await db().invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await loadInvitation(token)).toMatchObject({ name: "Nia Evans", email });

    const weak = await acceptInvitation(
      { token, password: "password1234", confirmPassword: "password1234" },
      TEST_META,
    );
    expect(weak).toMatchObject({ ok: false, errors: [{ field: "password" }] });
    const accepted = await acceptInvitation({ token, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META);
    expect(accepted).toEqual({ ok: true, email });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect([user.role, user.teamId, user.organisationId]).toEqual(["SUPERVISOR", team.id, admin.organisationId]);
    expect((await lastAudit("invitation.accept"))?.actorId).toBe(user.id);

    const again = await acceptInvitation({ token, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META);
    expect(again).toMatchObject({ ok: false, error: "conflict" });
    expect(await signInUser({ email, password: PASSWORD }, { ...TEST_META, ip: "10.9.9.1" })).toMatchObject({
      ok: true,
    });
  });

  it("refuses an address that already has an account or a pending invitation", async () => {
    const admin = await actorFor("admin@northshire.example");
    const existing = await inviteUser(
      admin,
      { name: "Sam", email: "sam.patel@northshire.example", role: "PRACTITIONER" },
      TEST_META,
    );
    expect(existing).toMatchObject({ ok: false, error: "conflict", errors: [{ field: "email" }] });
    const email = unique("twice");
    expect(await inviteUser(admin, { name: "Twice", email, role: "PRACTITIONER" }, TEST_META)).toMatchObject({
      ok: true,
    });
    expect(await inviteUser(admin, { name: "Twice", email, role: "PRACTITIONER" }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
  });

  it("resends with a new link (the old one dies), revokes; another organisation's is not found, audited", async () => {
    const { admin, email, invitationId, token: first } = await invitedPractitioner("Re Send", "resend");
    expect(await changeInvitation(admin, "resend", { invitationId }, TEST_META)).toMatchObject({
      ok: true,
    });
    expect(await loadInvitation(first)).toBeNull();
    const messages = async () => {
      for (let i = 0; i < 5; i += 1) await deliverDueEmail(undefined, BASE);
      const { emailsTo } = await import("../../scripts/lib/mailbox");
      return emailsTo(inject("mailFolder"), email);
    };
    const all = await messages();
    expect(all).toHaveLength(2);
    const second = tokenOf(all.map((m) => m.links[0]!).find((l) => tokenOf(l) !== first)!);
    expect(await loadInvitation(second)).not.toBeNull();

    const riverside = await actorFor("admin@riverside.example");
    expect(await changeInvitation(riverside, "revoke", { invitationId }, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(await lastAudit("access.denied")).toMatchObject({
      actorId: riverside.userId,
      objectId: invitationId,
    });

    expect(await changeInvitation(admin, "revoke", { invitationId }, TEST_META)).toMatchObject({
      ok: true,
    });
    expect(await loadInvitation(second)).toBeNull();
    expect(
      await acceptInvitation({ token: second, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META),
    ).toMatchObject({ ok: false, error: "conflict" });
    const listed = (await listInvitations(admin)).find((i) => i.id === invitationId);
    expect(listed?.status).toBe("revoked");
  });

  it("refuses an expired invitation", async () => {
    const { invitationId, token } = await invitedPractitioner("Late", "expired");
    await withSuperuser((c) =>
      c.query("UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1", [invitationId]),
    );
    expect(await loadInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
  });

  it("imports a CSV: a preview with an error per row writes nothing; the import invites the valid rows", async () => {
    const admin = await actorFor("admin@northshire.example");
    const team = await db().team.findFirstOrThrow({ where: { organisationId: admin.organisationId } });
    const [a, b] = [unique("csv.a"), unique("csv.b")];
    const csv = [
      "name,email,role,team",
      `Ana Lopez,${a},practitioner,${team.name}`,
      `Ben Ode,${b},supervisor`,
      "Sam Patel,sam.patel@northshire.example,practitioner",
      "No Role,norole@example.test,wizard",
    ].join("\n");
    const before = await db().invitation.count();
    const preview = await previewInvitationImport(admin, { csv });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect([preview.valid, preview.invalid]).toEqual([2, 2]);
    expect(preview.rows.map((r) => r.errors.length > 0)).toEqual([false, false, true, true]);
    expect(await db().invitation.count()).toBe(before);

    const imported = await importInvitations(admin, { csv }, TEST_META);
    expect(imported).toEqual({ ok: true, invited: 2, skipped: 2 });
    const rows = await db().invitation.findMany({ where: { email: { in: [a, b] } }, orderBy: { email: "asc" } });
    expect(rows.map((r) => [r.email, r.role, r.teamId])).toEqual([
      [a, "PRACTITIONER", team.id],
      [b, "SUPERVISOR", null],
    ]);
    expect((await lastAudit("invitation.import"))?.detail).toEqual({ invited: 2, skipped: 2 });
    // Imported twice: every row is now taken, so nothing is written.
    expect(await importInvitations(admin, { csv }, TEST_META)).toMatchObject({ ok: false });
  });
});

describe("password reset", () => {
  it("answers the same for an unknown address, and sends nothing", async () => {
    const unknown = unique("nobody");
    expect(await requestPasswordReset({ email: unknown }, TEST_META)).toEqual({ ok: true, email: unknown });
    for (let i = 0; i < 5; i += 1) await deliverDueEmail(undefined, BASE);
    const { emailsTo } = await import("../../scripts/lib/mailbox");
    expect(await emailsTo(inject("mailFolder"), unknown)).toHaveLength(0);
    expect((await lastAudit("password-reset.request"))?.detail).toMatchObject({ reason: "unknown-email" });
  });

  it("emails a one-time link that sets a new password and ends every session", async () => {
    const email = "jo.williams@northshire.example";
    const meta = { ...TEST_META, ip: "10.7.7.7" };
    const signedIn = await signInUser({ email, password: "InfoShare-demo-2026" }, meta);
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(await requestPasswordReset({ email }, meta)).toEqual({ ok: true, email });
    const link = await linkSentTo(email, "Reset your InfoShare password");
    const token = tokenOf(link);
    expect(await passwordResetIsUsable(token)).toBe(true);

    const reset = await resetPassword({ token, password: PASSWORD, confirmPassword: PASSWORD }, meta);
    expect(reset).toEqual({ ok: true, email });
    const session = await db().userSession.findUniqueOrThrow({ where: { id: signedIn.user.sessionId } });
    expect([session.endedAt !== null, session.endReason]).toEqual([true, "password-reset"]);
    expect(await signInUser({ email, password: PASSWORD }, meta)).toMatchObject({ ok: true });
    expect(await resetPassword({ token, password: PASSWORD, confirmPassword: PASSWORD }, meta)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect((await lastAudit("password-reset.complete"))?.actorId).toBe(signedIn.user.id);
    await linkSentTo(email, "Your InfoShare password has been changed");
  });

  it("throttles repeated requests for one address, still with the same answer", async () => {
    const email = "tom.baker@riverside.example";
    const meta = { ...TEST_META, ip: "10.8.8.8" };
    for (let i = 0; i < 3; i += 1) expect(await requestPasswordReset({ email }, meta)).toEqual({ ok: true, email });
    const resetsBefore = await db().passwordReset.count();
    expect(await requestPasswordReset({ email }, meta)).toEqual({ ok: true, email });
    expect(await db().passwordReset.count()).toBe(resetsBefore);
    expect((await lastAudit("password-reset.request"))?.detail).toMatchObject({ reason: "throttled" });
  });

  it("refuses an expired link", async () => {
    const email = "amy.chen@riverside.example";
    await requestPasswordReset({ email }, { ...TEST_META, ip: "10.6.6.6" });
    const token = tokenOf(await linkSentTo(email, "Reset your InfoShare password"));
    await withSuperuser((c) => c.query("UPDATE password_reset SET expires_at = now() - interval '1 second'"));
    expect(await passwordResetIsUsable(token)).toBe(false);
    expect(await resetPassword({ token, password: PASSWORD, confirmPassword: PASSWORD }, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
  });
});
