import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * The password policy (decision 019), after NCSC's password guidance and OWASP ASVS 4.0 L2 (2.1):
 * at least 12 characters (ASVS 2.1.1), up to 128 so passphrases fit (ASVS 2.1.2 asks for at least
 * 64), any characters, no composition rules and no expiry (NCSC, ASVS 2.1.9/2.1.10); refused when
 * it is a common or breached password, or close to one (ASVS 2.1.7): zxcvbn-ts's estimate, with
 * its shipped list of some 30,000 passwords from breaches, below "safely unguessable" (score 3).
 * No network call. The person's own name and email count as guessable too.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

export type PasswordProblem = "too-short" | "too-long" | "common" | "mismatch";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  "too-short": `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
  "too-long": `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  common:
    "This password is too easy to guess: it is a common password, or close to one, or uses your name or email. " +
    "Try three or four random words",
  mismatch: "The passwords do not match",
};

/** Length is counted in characters (code points), as a person counts them. */
export function passwordProblem(password: string, personal: readonly string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  const inputs = personal
    .flatMap((value) => [value, value.split("@")[0]!.replace(/[.\s_-]+/g, ""), ...value.split(/[@.\s_-]+/)])
    .map((value) => value.toLowerCase())
    .filter((value) => value.length >= 3);
  return zxcvbn().check(password, inputs).score < MIN_SCORE ? "common" : null;
}

/** The new-password pair as the forms post it: the first problem found, as a field error. */
export function newPasswordErrors(
  password: string,
  confirmation: string,
  personal: readonly string[] = [],
): { field: string; message: string }[] {
  const problem = passwordProblem(password, personal);
  if (problem) return [{ field: "password", message: PASSWORD_MESSAGES[problem] }];
  if (password !== confirmation) return [{ field: "confirmPassword", message: PASSWORD_MESSAGES.mismatch }];
  return [];
}
