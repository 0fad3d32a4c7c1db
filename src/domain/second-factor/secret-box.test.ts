import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CURRENT_KEY_ID, DEMO_KEY, DEMO_KEY_ID, openSecret, parseEncryptionKey, sealSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips, and never writes the secret in the clear", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(sealed.startsWith(`${CURRENT_KEY_ID}.`)).toBe(true);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, { [CURRENT_KEY_ID]: key })).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a wrong key, an unknown key id and altered text", () => {
    const sealed = sealSecret("secret", key);
    expect(openSecret(sealed, { [CURRENT_KEY_ID]: randomBytes(32) })).toBeNull();
    expect(openSecret(sealed, { other: key })).toBeNull();
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0]! ^= 1;
    parts[3] = flipped.toString("base64url");
    expect(openSecret(parts.join("."), { [CURRENT_KEY_ID]: key })).toBeNull();
    // The key id is authenticated too: relabelling a real secret as the demo's does not open it.
    expect(openSecret(sealed.replace(/^k1\./, `${DEMO_KEY_ID}.`), { [DEMO_KEY_ID]: key })).toBeNull();
  });

  it("opens the demo's secret with the demo key", () => {
    const sealed = sealSecret("DEMO", DEMO_KEY, DEMO_KEY_ID);
    expect(openSecret(sealed, { [DEMO_KEY_ID]: DEMO_KEY })).toBe("DEMO");
  });

  it("reads 32-byte keys in hex, base64 and base64url, and nothing shorter", () => {
    expect(parseEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(parseEncryptionKey(key.toString("base64url"))).toEqual(key);
    expect(parseEncryptionKey(randomBytes(16).toString("base64"))).toBeNull();
  });
});
