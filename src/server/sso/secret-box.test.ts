import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const KEY = randomBytes(32).toString("base64");

describe("client secrets at rest", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = sealSecret("s3cret-value", KEY, "org-a");
    expect(sealed).not.toContain("s3cret-value");
    expect(sealed).not.toBe(sealSecret("s3cret-value", KEY, "org-a"));
    expect(openSecret(sealed, KEY, "org-a")).toBe("s3cret-value");
  });

  it("refuses another key, another organisation and an altered value", () => {
    const sealed = sealSecret("s3cret-value", KEY, "org-a");
    expect(() => openSecret(sealed, randomBytes(32).toString("base64"), "org-a")).toThrow();
    expect(() => openSecret(sealed, KEY, "org-b")).toThrow();
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body as string, "base64url");
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => openSecret([version, iv, tag, flipped.toString("base64url")].join("."), KEY, "org-a")).toThrow();
  });
});
