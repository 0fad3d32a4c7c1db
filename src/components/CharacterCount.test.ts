import { describe, expect, it } from "vitest";
import { characterCountText, characterLimitText } from "./CharacterCount";

describe("the character count", () => {
  it("says the limits before anything is typed (and without JavaScript)", () => {
    expect(characterLimitText(40, 5000)).toBe("Enter at least 40 characters, and no more than 5,000 characters");
    expect(characterLimitText(undefined, 5000)).toBe("You can enter up to 5,000 characters");
    expect(characterLimitText(40, undefined)).toBe("Enter at least 40 characters");
  });

  it("says how many more are needed below the minimum", () => {
    expect(characterCountText(11, 40, 5000)).toBe("You need 29 characters more");
    expect(characterCountText(39, 40, 5000)).toBe("You need 1 character more");
  });

  it("says how many remain, then how many too many", () => {
    expect(characterCountText(40, 40, 5000)).toBe("You have 4,960 characters remaining");
    expect(characterCountText(0, undefined, 200)).toBe("You have 200 characters remaining");
    expect(characterCountText(5001, 40, 5000)).toBe("You have 1 character too many");
  });
});
