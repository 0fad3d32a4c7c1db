import "server-only";
import { hashRecoveryCode, newRecoveryCodes } from "@/domain/second-factor";
import type { Tx } from "@/server/infra/db";

/** A new set of recovery codes: the old ones stop working. Returns the codes, which are never stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}
