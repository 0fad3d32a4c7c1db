import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env";

// One SMTP transport per process (decision 019), from SMTP_URL, created on first use.
const holder = globalThis as { infoshareMailTransport?: Transporter };

/** Short timeouts: the sender retries later rather than hold a claim on a dead server. */
const SMTP_TIMEOUT_MS = 15_000;

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  holder.infoshareMailTransport ??= nodemailer.createTransport(url, {
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as object);
  return holder.infoshareMailTransport;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Plain text only: nothing to render, nothing remote to load. */
export async function sendEmail(message: OutgoingEmail): Promise<void> {
  await transport().sendMail({ from: env().MAIL_FROM, to: message.to, subject: message.subject, text: message.text });
}
