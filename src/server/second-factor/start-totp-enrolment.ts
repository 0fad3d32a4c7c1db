import "server-only";
import QRCode from "qrcode";
import { CURRENT_KEY_ID, newTotpSecret, openSecret, sealSecret, totpUri } from "@/domain/second-factor";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { secondFactorKeys } from "./keys";
import { mayAddSecondFactor } from "./second-factor-state";

export type TotpEnrolment =
  | { status: "enrolled" }
  | { status: "verify-first" }
  | { status: "pending"; secret: string; uri: string; qrSvg: string };

/**
 * The set-up page's content: a new secret for the person's authenticator app (kept, unconfirmed,
 * until a first code proves the app has it), its QR code as SVG (drawn on the server, so it works
 * without JavaScript) and the secret as text for those who cannot scan. Reloading the page shows
 * the same secret; an app already confirmed is left alone.
 */
export async function startTotpEnrolment(user: SignedInUser, sessionId: string | null): Promise<TotpEnrolment> {
  if (!(await mayAddSecondFactor(user, sessionId))) return { status: "verify-first" };
  const keys = secondFactorKeys();
  const existing = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  if (existing?.confirmedAt) return { status: "enrolled" };
  let secret = existing ? openSecret(existing.secret, keys) : null;
  if (!secret) {
    secret = newTotpSecret();
    const sealed = sealSecret(secret, keys[CURRENT_KEY_ID]!);
    await db().$transaction([
      db().totpFactor.deleteMany({ where: { userId: user.userId, confirmedAt: null } }),
      db().totpFactor.create({ data: { userId: user.userId, secret: sealed } }),
    ]);
  }
  const uri = totpUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { status: "pending", secret, uri, qrSvg };
}
