import "server-only";
import { env } from "@/server/infra/env";

/**
 * The WebAuthn relying party: passkeys are bound to the host of APP_URL (or NEXTAUTH_URL), and a
 * response is accepted only from that origin. WebAuthn refuses IP addresses as RP IDs, so a local
 * run on 127.0.0.1 uses passkeys at http://localhost:<port> (browsers treat localhost as secure).
 */
export function relyingParty(): { rpID: string; rpName: string; origin: string } {
  const url = new URL(env().APP_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000");
  if (url.hostname === "127.0.0.1") url.hostname = "localhost";
  return { rpID: url.hostname, rpName: "InfoShare", origin: url.origin };
}
