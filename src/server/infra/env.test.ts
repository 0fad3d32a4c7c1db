import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };

describe("parseEnv", () => {
  it("accepts a minimal configuration and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });
  it("names every bad value in one message", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short", SESSION_IDLE_MINUTES: "soon" }),
    ).toThrow(
      new RegExp(
        [
          "DATABASE_URL: DATABASE_URL must be a postgresql",
          "NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32",
          "SESSION_IDLE_MINUTES",
        ].join("[\\s\\S]*"),
      ),
    );
  });
  it("explains a missing DATABASE_URL", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET })).toThrow(/DATABASE_URL is not set/);
  });
  it("rejects an idle timeout out of range", () => {
    expect(() => parseEnv({ ...valid, SESSION_IDLE_MINUTES: "0" })).toThrow(/at least 1/);
  });
});
