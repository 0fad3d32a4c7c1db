// First-run set-up of a real deployment (decision 019), as the database owner: a one-time set-up
// link for `npm start` to print while the database has no organisation, and `npm run setup`,
// which creates the first organisation and administrator from the command line and gives a
// one-time link to set the administrator's password. Both refuse once an organisation exists.
import type pg from "pg";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../src/domain/lawful-basis/organisation";
import { SETUP_LINK_HOURS, hoursFrom, newOneTimeToken } from "../../src/domain/accounts/one-time-token";
import { withClient } from "./pg-client";

// The same lock as the set-up page's (src/server/accounts/complete-setup.ts).
const SETUP_LOCK = 72_707_370;
/** The command line's set-password link lasts as long as a set-up link: the admin may not be at the keyboard. */
const SET_PASSWORD_HOURS = SETUP_LINK_HOURS;

async function hasOrganisation(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM organisation");
  return rows[0]!.n > 0;
}

/**
 * Runs `work` in one transaction under the set-up lock while the database has no organisation;
 * once it has one, nothing is written and `alreadySetUp` is the answer.
 */
async function whileNotSetUp<T>(url: string, alreadySetUp: T, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [SETUP_LOCK]);
      if (await hasOrganisation(client)) {
        await client.query("ROLLBACK");
        return alreadySetUp;
      }
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/** A new set-up link's path while the database has no organisation; null once it has one. */
export async function issueSetupLinkIfNeeded(url: string, now = new Date()): Promise<string | null> {
  return whileNotSetUp(url, null, async (client) => {
    const { token, tokenHash } = newOneTimeToken();
    await client.query("INSERT INTO setup_token (id, token_hash, expires_at) VALUES (gen_random_uuid(), $1, $2)", [
      tokenHash,
      hoursFrom(now, SETUP_LINK_HOURS),
    ]);
    return `/setup/${token}`;
  });
}

/** "local-authority", "LOCAL_AUTHORITY" or "local authority" → LOCAL_AUTHORITY. */
export function organisationKindFrom(value: string): OrganisationKind | null {
  const normalised = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (ORGANISATION_KINDS as readonly string[]).includes(normalised) ? (normalised as OrganisationKind) : null;
}

export interface CommandLineSetup {
  organisation: string;
  kind: OrganisationKind;
  email: string;
  name: string;
}

export type CommandLineSetupResult =
  | { ok: true; organisationId: string; adminId: string; setPasswordPath: string }
  | { ok: false; reason: "already-set-up" };

/**
 * Creates the organisation and its admin (with no usable password: "!" is no bcrypt hash, so
 * nothing matches it) and a one-time link to set the password, in one transaction, audited.
 */
export async function setUpFromCommandLine(url: string, input: CommandLineSetup): Promise<CommandLineSetupResult> {
  const alreadySetUp: CommandLineSetupResult = { ok: false, reason: "already-set-up" };
  return whileNotSetUp(url, alreadySetUp, async (client): Promise<CommandLineSetupResult> => {
    const organisation = await client.query<{ id: string }>(
      `INSERT INTO organisation (id, name, kind) VALUES (gen_random_uuid(), $1, $2::"OrganisationKind") RETURNING id`,
      [input.organisation.trim(), input.kind],
    );
    const organisationId = organisation.rows[0]!.id;
    await client.query("INSERT INTO organisation_settings (organisation_id) VALUES ($1)", [organisationId]);
    const admin = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id)
       VALUES (gen_random_uuid(), $1, $2, '!', 'ADMIN', $3) RETURNING id`,
      [input.email.trim().toLowerCase(), input.name.trim(), organisationId],
    );
    const adminId = admin.rows[0]!.id;
    const { token, tokenHash } = newOneTimeToken();
    await client.query(
      "INSERT INTO password_reset (id, user_id, token_hash, expires_at) VALUES (gen_random_uuid(), $1, $2, $3)",
      [adminId, tokenHash, hoursFrom(new Date(), SET_PASSWORD_HOURS)],
    );
    await client.query(
      `SELECT append_audit_event($1::uuid, NULL::uuid, NULL::"Role", 'setup.complete', 'organisation', $1::text,
              NULL, NULL, NULL, 'SUCCESS'::"AuditOutcome",
              jsonb_build_object('via', 'command-line', 'adminId', $2::text, 'kind', $3::text))`,
      [organisationId, adminId, input.kind],
    );
    return { ok: true, organisationId, adminId, setPasswordPath: `/password-reset/${token}` };
  });
}
