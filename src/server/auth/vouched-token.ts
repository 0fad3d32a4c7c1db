// The session token, decoded once per request (issue 15): proxy.ts decrypts the cookie and passes
// its claims to the page in a request header, with an HMAC under a key that exists only in this
// process's memory (on globalThis: proxy.ts and the pages are separate bundles in one process), so
// the page checks a SHA-256 HMAC instead of decrypting the token again. A header the proxy did not
// write (a client's, or another process's) fails the check, and the page decodes the cookie itself.
// The HMAC covers the cookie it was decoded from too, so a cookie set during the request (sign-in)
// is never read as the token before it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { JWT } from "next-auth/jwt";

export const VOUCHED_TOKEN_HEADER = "x-infoshare-session-claims";

const KEY = Symbol.for("infoshare.vouchedTokenKey");

function processKey(): Buffer {
  const holder = globalThis as { [KEY]?: Buffer };
  holder[KEY] ??= randomBytes(32);
  return holder[KEY];
}

function mac(payload: string, cookie: string): Buffer {
  return createHmac("sha256", processKey()).update(payload).update("\n").update(cookie).digest();
}

/** The header value for a token proxy.ts has decoded and checked from `cookie`. */
export function vouchForToken(token: JWT, cookie: string): string {
  const payload = Buffer.from(JSON.stringify(token)).toString("base64url");
  return `${payload}.${mac(payload, cookie).toString("base64url")}`;
}

/** The token a header vouches for `cookie`, or null when there is none or this process did not write it. */
export function vouchedToken(header: string | null | undefined, cookie: string): JWT | null {
  if (!header) return null;
  const dot = header.indexOf(".");
  if (dot <= 0) return null;
  const payload = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), "base64url");
  const expected = mac(payload, cookie);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const token = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as JWT;
    // The proxy checked the expiry when it decoded; a header outliving it (it cannot: one request) is refused.
    if (typeof token.exp === "number" && token.exp <= Date.now() / 1000) return null;
    return token;
  } catch {
    return null;
  }
}
