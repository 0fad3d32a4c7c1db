// The local SMTP server for the demo and the tests (decision 019): a real SMTP server (the
// `smtp-server` package, by nodemailer's authors) on 127.0.0.1 that accepts every message and
// stores it as an .eml file in a folder a developer can open (`npm start`: `.mail/`), logging one
// "Mail:" line per message with its recipient, subject and link. Never for production: it relays
// nothing anywhere.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface LocalMailServer {
  url: string;
  port: number;
  folder: string;
  stop(): Promise<void>;
}

export interface LocalMailServerOptions {
  folder: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  /** One line per message received; the default prints nothing. */
  log?: (line: string) => void;
}

let sequence = 0;

export async function startLocalMailServer(options: LocalMailServerOptions): Promise<LocalMailServer> {
  const { folder, log } = options;
  mkdirSync(folder, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    banner: "InfoShare local mailbox (development and tests only)",
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        sequence += 1;
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${sequence}.eml`;
        try {
          writeFileSync(join(folder, name), raw);
        } catch (error) {
          callback(error as Error);
          return;
        }
        callback();
        if (log) {
          void simpleParser(raw).then((mail) => {
            const link = firstLink(mail.text ?? "");
            log(`Mail: to ${addressesOf(mail.to)}: "${mail.subject ?? ""}"${link ? ` ${link}` : ""} (${name})`);
          });
        }
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("The local mail server has no port"));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    folder,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}

type AddressField = { text: string } | { text: string }[] | undefined;
export function addressesOf(field: AddressField): string {
  if (!field) return "";
  return Array.isArray(field) ? field.map((a) => a.text).join(", ") : field.text;
}
