import "server-only";
import { type KeyObject, createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { keyIdOf } from "@/domain/audit/checkpoint";

// The audit checkpoint signing key (decision 014). It lives with the app, never in the database:
// AUDIT_SIGNING_KEY (a PKCS#8 PEM) or AUDIT_SIGNING_KEY_FILE (a path to one); `npm start`
// generates one into .data/ on first start, as it does the NextAuth secret. Rotation: put the
// new key in place and the old key's PUBLIC key (PEM, several may follow one another) in
// AUDIT_PREVIOUS_PUBLIC_KEYS_FILE, so checkpoints it signed still verify. Read from process.env
// directly: these settings are optional, and without a key the app simply signs nothing.

export interface AuditKeys {
  /** The key that signs new checkpoints, or null when none is configured. */
  signing: { keyId: string; privateKey: KeyObject } | null;
  /** Every key a checkpoint may have been signed with, by key id: the current one and retired ones. */
  publicKeys: Map<string, KeyObject>;
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

function readSigningKeyPem(): string | null {
  const inline = process.env.AUDIT_SIGNING_KEY?.trim();
  if (inline) return inline.replaceAll("\\n", "\n");
  const file = process.env.AUDIT_SIGNING_KEY_FILE?.trim();
  if (file) return readFileSync(file, "utf8");
  return null;
}

export function loadAuditKeys(): AuditKeys {
  const publicKeys = new Map<string, KeyObject>();
  let signing: AuditKeys["signing"] = null;
  const pem = readSigningKeyPem();
  if (pem) {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("AUDIT_SIGNING_KEY must be an Ed25519 private key");
    const publicKey = createPublicKey(privateKey);
    signing = { keyId: keyIdOf(publicKey), privateKey };
    publicKeys.set(signing.keyId, publicKey);
  }
  const previous = process.env.AUDIT_PREVIOUS_PUBLIC_KEYS_FILE?.trim();
  if (previous && existsSync(previous)) {
    for (const block of readFileSync(previous, "utf8").match(PEM_BLOCK) ?? []) {
      const publicKey = createPublicKey(block);
      publicKeys.set(keyIdOf(publicKey), publicKey);
    }
  }
  return { signing, publicKeys };
}

/** The published form: key id and SPKI PEM of every key that may have signed a checkpoint. */
export function publishedPublicKeys(
  keys: AuditKeys = loadAuditKeys(),
): { keyId: string; algorithm: "Ed25519"; pem: string; current: boolean }[] {
  return [...keys.publicKeys].map(([keyId, key]) => ({
    keyId,
    algorithm: "Ed25519" as const,
    pem: key.export({ type: "spki", format: "pem" }).toString(),
    current: keys.signing?.keyId === keyId,
  }));
}

/** Where checkpoints are appended outside the database (AUDIT_CHECKPOINT_FILE), or null. */
export function checkpointFilePath(): string | null {
  return process.env.AUDIT_CHECKPOINT_FILE?.trim() || null;
}
