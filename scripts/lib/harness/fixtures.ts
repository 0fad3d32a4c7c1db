// Users and wizard drafts made in bulk with SQL (as the database owner), for load and fault tests
// that need many signed-in practitioners each with drafts of their own.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { WizardAnswers } from "../../../src/domain/wizard";
import { consentGivenShareAnswers } from "../../../src/domain/wizard/test-fixtures";

export interface HarnessUser {
  id: string;
  name: string;
  email: string;
  role: "PRACTITIONER" | "SUPERVISOR" | "IG_LEAD" | "ADMIN";
  organisationId: string;
  teamId: string | null;
  sessionVersion: number;
  /** An open server-side session (user_session) for the harness's cookie (decision 018). */
  sessionId?: string;
}

/**
 * Opens a session record for `userId`, as signing in with password and second factor would: the
 * second factor given (second_factor_pending false, decision 021), so the harness's cookie reaches
 * every page. Tests of the second-factor step itself sign in through the form.
 */
export async function openSession(client: pg.ClientBase, userId: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO user_session (id, user_id, ip, second_factor_pending)
     VALUES (gen_random_uuid(), $1, '127.0.0.1', false) RETURNING id::text`,
    [userId],
  );
  return rows[0]!.id;
}

export async function demoUser(client: pg.ClientBase, email: string): Promise<HarnessUser> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    email: string;
    role: HarnessUser["role"];
    organisation_id: string;
    team_id: string | null;
    session_version: number;
  }>(
    `SELECT id, name, email, role::text AS role, organisation_id, team_id, session_version
       FROM app_user WHERE email = $1`,
    [email],
  );
  const row = rows[0];
  if (!row) throw new Error(`no user ${email}`);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisationId: row.organisation_id,
    teamId: row.team_id,
    sessionVersion: row.session_version,
    sessionId: await openSession(client, row.id),
  };
}

/** `count` practitioners in the team of `like` (a demo user), named "<prefix> n". */
export async function createPractitioners(
  client: pg.ClientBase,
  like: HarnessUser,
  count: number,
  prefix: string,
): Promise<HarnessUser[]> {
  const users: HarnessUser[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    name: `${prefix} ${i + 1}`,
    email: `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i + 1}-${randomUUID().slice(0, 8)}@harness.example`,
    role: "PRACTITIONER",
    organisationId: like.organisationId,
    teamId: like.teamId,
    sessionVersion: 0,
  }));
  await client.query(
    `INSERT INTO app_user (id, email, name, job_title, password_hash, role, organisation_id, team_id)
     SELECT u.id, u.email, u.name, 'Social worker', 'not-a-password-hash', 'PRACTITIONER', $4::uuid, $5::uuid
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), like.organisationId, like.teamId],
  );
  for (const user of users) user.sessionId = await openSession(client, user.id);
  return users;
}

/**
 * `perUser` drafts for each user holding `answers` (default: a complete routine path, ready to
 * record). Returns the draft ids per user id, in creation order.
 */
export async function createDrafts(
  client: pg.ClientBase,
  users: readonly HarnessUser[],
  perUser: number,
  answers: WizardAnswers = consentGivenShareAnswers(),
): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  const ids: string[] = [];
  const authors: string[] = [];
  const organisations: string[] = [];
  for (const user of users) {
    const drafts = Array.from({ length: perUser }, () => randomUUID());
    byUser.set(user.id, drafts);
    for (const id of drafts) {
      ids.push(id);
      authors.push(user.id);
      organisations.push(user.organisationId);
    }
  }
  for (let start = 0; start < ids.length; start += 20_000) {
    await client.query(
      `INSERT INTO decision_draft (id, author_id, organisation_id, kind, answers, updated_at)
       SELECT d.id, d.author_id, d.organisation_id, 'ORIGINAL', $4::jsonb, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS d(id, author_id, organisation_id)`,
      [
        ids.slice(start, start + 20_000),
        authors.slice(start, start + 20_000),
        organisations.slice(start, start + 20_000),
        JSON.stringify(answers),
      ],
    );
  }
  return byUser;
}
