// Shared set-up for the information request tests (issue 14, decisions 028 and 030): sending a
// request as a demo user, answering it, and reading back its notifications, history and audit.
import { expect } from "vitest";
import type { UseCaseErrorKind, UseCaseResult } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { answerRequest } from "@/server/requests/answer-request";
import { sendRequest } from "@/server/requests/send-request";
import { TEST_META, actorFor, withSuperuser } from "./support";
import { TOM as TEACHER, NADIA as NURSE, OWEN as NAMED_NURSE } from "./demo-people";

export { TEACHER, NURSE, NAMED_NURSE };

export const TRUST = "Northshire Health NHS Foundation Trust";

/** A request's fields as the form posts them; `overrides` change or add fields. */
export function requestFields(respondingOrganisationId: string, overrides: Record<string, string> = {}) {
  return {
    respondingOrganisationId,
    priority: "RED",
    caseReference: "RPS-2026-020",
    childName: "Sam Doe",
    purpose: "A disclosure this morning of harm at home.",
    informationNeeded: "Any injuries seen in the last year.",
    lawfulBasis: "Children Act 1989 s.47",
    ...overrides,
  };
}

/** Sends a request as `email` (the teacher by default), at `at`; throws if it is refused. */
export async function sendAs(
  fields: Record<string, string>,
  at?: Date,
  email = TEACHER,
): Promise<{ reference: string; dueAt: Date }> {
  const result = await sendRequest(await actorFor(email), fields, TEST_META, at);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** A form about one request posted by `email`: the use case called as the action would call it. */
export async function postAs<Result>(
  step: (user: SignedInUser, reference: string, raw: unknown, meta: RequestMeta, now?: Date) => Promise<Result>,
  email: string,
  reference: string,
  fields: Record<string, string>,
  now?: Date,
): Promise<Result> {
  return step(await actorFor(email), reference, fields, TEST_META, now);
}

/** Who posts what (at `now`, when given), and what it must answer: true when done, else the error's kind. */
export type Posting = [email: string, fields: Record<string, string>, answer: true | UseCaseErrorKind, now?: Date];

/** Each posting of the form about `reference` in turn, each answered as it says. */
export async function expectPostings(
  step: (user: SignedInUser, reference: string, raw: unknown, meta: RequestMeta, now?: Date) => Promise<UseCaseResult>,
  reference: string,
  postings: Posting[],
): Promise<void> {
  for (const [email, fields, answer, now] of postings) {
    const result = await postAs(step, email, reference, fields, now);
    expect(result.ok || result.error, `${email} posting ${JSON.stringify(fields)}`).toBe(answer);
  }
}

/** The contact team's answer by `email`: shares `information`, or refuses for `reasons`. */
export async function answerAs(
  email: string,
  reference: string,
  answer: { information: string } | { reasons: string },
) {
  const fields = "information" in answer ? { answer: "SHARE", ...answer } : { answer: "NO_SHARE", ...answer };
  return answerRequest(await actorFor(email), reference, fields, TEST_META);
}

export async function organisationId(name: string): Promise<string> {
  return (await db().organisation.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

export async function notificationsOf(email: string, kind: string): Promise<number> {
  return db().notification.count({ where: { userId: (await actorFor(email)).userId, kind } });
}

/** The request's own history, oldest first. */
export async function requestEvents(reference: string): Promise<string[]> {
  const rows = await db().informationRequestEvent.findMany({
    where: { request: { reference } },
    orderBy: { id: "asc" },
    select: { kind: true },
  });
  return rows.map((r) => r.kind);
}

/**
 * Another partnership, with one organisation (and its contact team) and one person in that team:
 * someone who must learn nothing of Northshire's requests. `lead`: that person is its lead partner.
 * Returns the organisation's id.
 */
export async function addOtherPartnership(other: {
  organisation: string;
  partnership: string;
  person: { email: string; name: string; role: string };
  lead?: boolean;
}): Promise<string> {
  return withSuperuser(async (client) => {
    const org = await client.query<{ id: string }>(
      `INSERT INTO organisation (id, name, kind) VALUES (gen_random_uuid(), $1, 'LOCAL_AUTHORITY') RETURNING id`,
      [other.organisation],
    );
    const organisationId = org.rows[0]!.id;
    const team = await client.query<{ id: string }>(
      `INSERT INTO team (id, organisation_id, name) VALUES (gen_random_uuid(), $1, 'Front Door') RETURNING id`,
      [organisationId],
    );
    const user = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id, team_id)
       VALUES (gen_random_uuid(), $1, $2, 'x', $3, $4, $5) RETURNING id`,
      [other.person.email, other.person.name, other.person.role, organisationId, team.rows[0]!.id],
    );
    const partnership = await client.query<{ id: string }>(
      `INSERT INTO partnership (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`,
      [other.partnership],
    );
    const partnershipId = partnership.rows[0]!.id;
    await client.query(
      `INSERT INTO partnership_member (partnership_id, organisation_id, contact_team_id) VALUES ($1, $2, $3)`,
      [partnershipId, organisationId, team.rows[0]!.id],
    );
    if (other.lead)
      await client.query(`INSERT INTO lead_safeguarding_partner (partnership_id, user_id) VALUES ($1, $2)`, [
        partnershipId,
        user.rows[0]!.id,
      ]);
    return organisationId;
  });
}

export async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** The refusals audited for `email` after the event `since`, oldest first. */
export async function refusalsSince(email: string, since: bigint) {
  return db().auditEvent.findMany({
    where: { actorId: (await actorFor(email)).userId, action: "access.denied", id: { gt: since } },
    select: { organisationId: true, objectId: true, detail: true },
    orderBy: { id: "asc" },
  });
}

/** The audit events of one step on the request, oldest first. */
export async function auditOf(reference: string, action: string) {
  return db().auditEvent.findMany({
    where: { objectType: "information-request", objectId: reference, action },
    select: { organisationId: true, actorId: true, caseReference: true, detail: true },
    orderBy: { id: "asc" },
  });
}
