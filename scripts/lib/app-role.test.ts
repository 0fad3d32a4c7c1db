import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { APP_ROLE, appRolePassword, appRoleUrl, scramSha256Verifier } from "./app-role";

const folders: string[] = [];
function tempFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "infoshare-app-role-"));
  folders.push(folder);
  return path.join(folder, "nested", "app-db-password");
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("scramSha256Verifier", () => {
  // RFC 7677, section 3: user "user", password "pencil". The server's keys are right when they
  // reproduce the exchange's server signature and accept its client proof.
  const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
  const nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;
  const clientProof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
  const serverSignature = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  it("matches the RFC 7677 test vector", () => {
    const verifier = scramSha256Verifier("pencil", salt, 4096);
    const match = /^SCRAM-SHA-256\$4096:([^$]+)\$([^:]+):(.+)$/.exec(verifier);
    expect(match?.[1]).toBe("W22ZaJ0SNY7soEsUEjb6gQ==");
    const storedKey = Buffer.from(match?.[2] ?? "", "base64");
    const serverKey = Buffer.from(match?.[3] ?? "", "base64");

    expect(createHmac("sha256", serverKey).update(authMessage).digest("base64")).toBe(serverSignature);
    const clientSignature = createHmac("sha256", storedKey).update(authMessage).digest();
    const clientKey = Buffer.from(clientProof.map((byte, i) => byte ^ (clientSignature[i] ?? 0)));
    expect(createHash("sha256").update(clientKey).digest().equals(storedKey)).toBe(true);
  });

  it("uses a fresh salt each time", () => {
    expect(scramSha256Verifier("same-password")).not.toBe(scramSha256Verifier("same-password"));
  });

  it("refuses passwords that would need SASLprep", () => {
    expect(() => scramSha256Verifier("pässword")).toThrow(/ASCII/);
    expect(() => scramSha256Verifier("")).toThrow(/ASCII/);
  });
});

describe("appRoleUrl", () => {
  it("keeps host, port, database and options, and swaps the credentials", () => {
    const url = new URL(appRoleUrl("postgresql://owner:s3cret@db.example:6543/infoshare?sslmode=require", "p_w-d"));
    expect(url.username).toBe(APP_ROLE);
    expect(url.password).toBe("p_w-d");
    expect(url.host).toBe("db.example:6543");
    expect(url.pathname).toBe("/infoshare");
    expect(url.searchParams.get("sslmode")).toBe("require");
  });

  it("encodes characters that are special in a URL", () => {
    const url = new URL(appRoleUrl("postgresql://owner@localhost/db", "a@b:c/d%"));
    expect(decodeURIComponent(url.password)).toBe("a@b:c/d%");
  });
});

describe("appRolePassword", () => {
  it("generates a password once, mode 600, and returns the same one afterwards", () => {
    const file = tempFile();
    const first = appRolePassword(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(appRolePassword(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("uses a password an operator put in the file", () => {
    const file = tempFile();
    appRolePassword(file);
    writeFileSync(file, "chosen-by-operator\n");
    expect(appRolePassword(file)).toBe("chosen-by-operator");
  });
});
