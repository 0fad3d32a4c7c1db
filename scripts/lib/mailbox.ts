// Reads what the local mail server (mail-server.ts) stored: real messages, parsed with mailparser,
// for the tests to find and follow links in (decision 019).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { addressesOf } from "./mail-server";

export interface ReceivedEmail {
  file: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  links: string[];
}

export async function readMailbox(folder: string): Promise<ReceivedEmail[]> {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(readFileSync(join(folder, file)));
      const text = mail.text ?? "";
      return {
        file,
        to: addressesOf(mail.to).toLowerCase(),
        from: addressesOf(mail.from),
        subject: mail.subject ?? "",
        text,
        links: text.match(/https?:\/\/\S+/g) ?? [],
      };
    }),
  );
}

/** Waits (polling) until a message matching `match` has arrived; the newest such message. */
export async function waitForEmail(
  folder: string,
  match: (email: ReceivedEmail) => boolean,
  timeoutMs = 20_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox(folder)).filter(match);
    if (found.length > 0) return found[found.length - 1]!;
    if (Date.now() > deadline) throw new Error(`No email arrived in ${folder} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Messages to one address, oldest first. */
export async function emailsTo(folder: string, address: string): Promise<ReceivedEmail[]> {
  return (await readMailbox(folder)).filter((email) => email.to.includes(address.toLowerCase()));
}
