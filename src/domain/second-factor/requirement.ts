// Who must use a second factor (decision 021): admins and IG leads always (they see everyone's
// records or can change who does), everyone else when their organisation's setting says so.
import type { Role } from "@/domain/policy";

export const ROLES_ALWAYS_REQUIRING_SECOND_FACTOR: readonly Role[] = ["ADMIN", "IG_LEAD"];

export function mustUseSecondFactor(role: Role, organisationRequiresIt: boolean): boolean {
  return organisationRequiresIt || ROLES_ALWAYS_REQUIRING_SECOND_FACTOR.includes(role);
}

/** What a sign-in that got the password right must do next. */
export type SecondFactorStep = "none" | "verify" | "enrol";

export function secondFactorStepAfterPassword(hasFactor: boolean, required: boolean): SecondFactorStep {
  if (hasFactor) return "verify";
  return required ? "enrol" : "none";
}
