import { describe, expect, it } from "vitest";
import { healthDetailAllowed } from "./health-access";

describe("healthDetailAllowed", () => {
  it("shows the detail to loopback by default, and to configured addresses only", () => {
    expect(healthDetailAllowed("127.0.0.1", {})).toBe(true);
    expect(healthDetailAllowed("::1", {})).toBe(true);
    expect(healthDetailAllowed("203.0.113.7", {})).toBe(false);
    expect(healthDetailAllowed(null, {})).toBe(false);
    expect(healthDetailAllowed("10.0.0.5", { HEALTH_DETAIL_ADDRESSES: "10.0.0.5, 10.0.0.6" })).toBe(true);
    expect(healthDetailAllowed("127.0.0.1", { HEALTH_DETAIL_ADDRESSES: "10.0.0.5" })).toBe(false);
  });
});
