import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/server/infra/db";

/**
 * Sign-in throttling that holds under concurrency and across instances (decision 018). Each
 * attempt is counted in PostgreSQL in one statement (INSERT … ON CONFLICT DO UPDATE … WHERE …
 * RETURNING) BEFORE its password is checked: the row lock makes concurrent attempts queue, and an
 * attempt the counter refuses is never evaluated. Past a free allowance, each attempt pushes the
 * next allowed one further away (doubling, capped) rather than locking the account: a named
 * account can be slowed by an attacker, not shut. Keys are a hash of the email (known or not, so
 * the answer cannot tell which exist) and the source address.
 */
export interface ThrottleRule {
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 5 * 60 };
export const ADDRESS_RULE: ThrottleRule = { free: 30, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 };
/** Attempts older than this are forgotten: the count starts again. */
const FORGET_AFTER_SECONDS = 15 * 60;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
  return { account: `account:${digest}`, address: ip ? `ip:${ip}` : null };
}

/** Counts one attempt against `key`; false when it must wait (then nothing was counted). Password reset uses it too. */
export async function reserve(key: string, rule: ThrottleRule): Promise<boolean> {
  const rows = await db().$queryRaw<{ attempts: number }[]>`
    INSERT INTO sign_in_throttle AS t (key, attempts, last_attempt_at, next_attempt_at)
    VALUES (${key}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN t.last_attempt_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}::int)
                      THEN 1 ELSE t.attempts + 1 END,
      last_attempt_at = now(),
      next_attempt_at = CASE
        WHEN t.last_attempt_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}::int) THEN NULL
        WHEN t.attempts + 1 < ${rule.free}::int THEN NULL
        ELSE now() + make_interval(secs => least(${rule.maxDelaySeconds}::int,
               ${rule.firstDelaySeconds}::int * power(2, least(t.attempts + 1 - ${rule.free}::int, 20))::int))
      END
    WHERE t.next_attempt_at IS NULL OR t.next_attempt_at <= now()
    RETURNING t.attempts`;
  return rows.length === 1;
}

/**
 * Reserves an attempt for the account and the address, or says how it is throttled. The account
 * is counted only once the address allows the attempt, so one busy address cannot use up others'.
 */
export async function reserveSignInAttempt(keys: ThrottleKeys): Promise<"allowed" | "throttled"> {
  if (keys.address && !(await reserve(keys.address, ADDRESS_RULE))) return "throttled";
  return (await reserve(keys.account, ACCOUNT_RULE)) ? "allowed" : "throttled";
}

/**
 * After a right password: the account starts again, and the address gets back the attempt it
 * reserved (so many people signing in from one office address are not slowed by each other).
 */
export async function settleSuccessfulSignIn(keys: ThrottleKeys): Promise<void> {
  await db().$executeRaw`
    UPDATE sign_in_throttle SET attempts = 0, next_attempt_at = NULL WHERE key = ${keys.account}`;
  if (keys.address) {
    await db().$executeRaw`
      UPDATE sign_in_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = ${keys.address}`;
  }
}
