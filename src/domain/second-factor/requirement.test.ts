import { describe, expect, it } from "vitest";
import { ROLES } from "@/domain/policy";
import { mustUseSecondFactor, secondFactorStepAfterPassword } from "./requirement";

describe("who must use a second factor", () => {
  it("always admins and IG leads; others when their organisation requires it", () => {
    const table = ROLES.map((role) => [role, mustUseSecondFactor(role, false), mustUseSecondFactor(role, true)]);
    expect(table).toEqual([
      ["PRACTITIONER", false, true],
      ["SUPERVISOR", false, true],
      ["IG_LEAD", true, true],
      ["ADMIN", true, true],
    ]);
  });

  it("verifies a factor someone has, enrols one they must have, else nothing", () => {
    expect(secondFactorStepAfterPassword(true, false)).toBe("verify");
    expect(secondFactorStepAfterPassword(true, true)).toBe("verify");
    expect(secondFactorStepAfterPassword(false, true)).toBe("enrol");
    expect(secondFactorStepAfterPassword(false, false)).toBe("none");
  });
});
