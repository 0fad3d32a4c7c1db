import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Local defaults for the audit checkpoint settings (decision 014), as for the NextAuth secret:
 * unless AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE is set, an Ed25519 key is generated once
 * into the git-ignored .data folder (mode 600); checkpoints are appended to
 * .data/audit-checkpoints.jsonl unless AUDIT_CHECKPOINT_FILE says otherwise. A real deployment
 * sets both, the file on storage the database's owner cannot write. Sets process.env and returns
 * the settings, for a child process's environment.
 */
type AuditCheckpointSettings = { AUDIT_SIGNING_KEY_FILE?: string; AUDIT_CHECKPOINT_FILE: string };

export function applyAuditCheckpointDefaults(root: string): AuditCheckpointSettings {
  const dataDir = join(root, ".data");
  const settings: AuditCheckpointSettings = {
    AUDIT_CHECKPOINT_FILE: process.env.AUDIT_CHECKPOINT_FILE || join(dataDir, "audit-checkpoints.jsonl"),
  };
  if (!process.env.AUDIT_SIGNING_KEY && !process.env.AUDIT_SIGNING_KEY_FILE) {
    const file = join(dataDir, "audit-signing-key.pem");
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      const { privateKey } = generateKeyPairSync("ed25519");
      writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    }
    settings.AUDIT_SIGNING_KEY_FILE = file;
  }
  Object.assign(process.env, settings);
  return settings;
}
