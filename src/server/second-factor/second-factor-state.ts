import "server-only";
import { mustUseSecondFactor } from "@/domain/second-factor";
import type { Role } from "@/domain/policy";
import { type Tx, db } from "@/server/infra/db";

export interface SecondFactorState {
  /** An authenticator app, confirmed with a first code. */
  totp: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
  /** Whether this person must have one (role, organisation setting). */
  required: boolean;
}

export function hasSecondFactor(state: Pick<SecondFactorState, "totp" | "passkeys">): boolean {
  return state.totp || state.passkeys.length > 0;
}

/** Whether the organisation asks everyone for a second factor: yes until its settings say otherwise. */
export async function organisationRequiresSecondFactor(organisationId: string, tx?: Tx): Promise<boolean> {
  const settings = await (tx ?? db()).organisationSettings.findUnique({
    where: { organisationId },
    select: { requireSecondFactor: true },
  });
  return settings?.requireSecondFactor ?? true;
}

/** What second factors a person has set up, and whether they must have one. */
export async function loadSecondFactorState(
  user: { userId: string; role: Role; organisationId: string },
  tx?: Tx,
): Promise<SecondFactorState> {
  const client = tx ?? db();
  const [totp, passkeys, recoveryCodesLeft, organisationRequires] = await Promise.all([
    client.totpFactor.findUnique({ where: { userId: user.userId }, select: { confirmedAt: true } }),
    client.passkey.findMany({
      where: { userId: user.userId },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    client.recoveryCode.count({ where: { userId: user.userId, usedAt: null } }),
    organisationRequiresSecondFactor(user.organisationId, tx),
  ]);
  return {
    totp: totp?.confirmedAt != null,
    passkeys,
    recoveryCodesLeft,
    required: mustUseSecondFactor(user.role, organisationRequires),
  };
}

/**
 * Whether this session may add a factor: a complete session may; a session still waiting for its
 * second factor only when the person has none yet (the set-up step of signing in). A password
 * alone must never add a factor beside an existing one.
 */
export async function mayAddSecondFactor(
  user: { userId: string; role: Role; organisationId: string },
  sessionId: string | null,
  tx?: Tx,
): Promise<boolean> {
  if (!sessionId) return false;
  const session = await (tx ?? db()).userSession.findFirst({
    where: { id: sessionId, userId: user.userId, endedAt: null },
    select: { secondFactorPending: true },
  });
  if (!session) return false;
  return !session.secondFactorPending || !hasSecondFactor(await loadSecondFactorState(user, tx));
}
