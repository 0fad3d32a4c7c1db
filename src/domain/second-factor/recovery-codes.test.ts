import { describe, expect, it } from "vitest";
import { RECOVERY_CODE_COUNT, hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes of two groups of five", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it("hashes the same code the same however it is typed, and different codes differently", () => {
    const [a, b] = newRecoveryCodes(2);
    expect(hashRecoveryCode(a!)).toBe(hashRecoveryCode(` ${a!.toUpperCase().replace("-", " ")} `));
    expect(hashRecoveryCode(a!)).not.toBe(hashRecoveryCode(b!));
    expect(hashRecoveryCode(a!)).toMatch(/^[0-9a-f]{64}$/);
  });
});
