import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export interface RequestMeta {
  requestId: string;
  ip: string | null;
}

export const REQUEST_ID_HEADER = "x-request-id";

// proxy.ts stamps every request with an id. The client's address comes from X-Forwarded-For, but
// only as far as our own proxies vouch for it: TRUSTED_PROXY_HOPS (default 1) is how many reverse
// proxies in front of the app append to that header, and the client is the address the outermost
// of them saw, counted from the right. Entries further left are whatever the client sent, and are
// ignored (issue 12: the first entry was trusted). With no proxy, `next start` itself fills the
// header from the socket when the request has none, which is what hops = 1 then reads. 0 trusts
// the header not at all (no address recorded). Neither value is trusted for anything but the
// audit trail and the health endpoint's detail.
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const hops = Number(source.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 1;
}

/** The client's address as the outermost trusted proxy saw it, or null. */
export function clientAddress(forwardedFor: string | null, hops: number = trustedProxyHops()): string | null {
  if (hops === 0 || !forwardedFor) return null;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  const address = entries[entries.length - hops];
  return address && /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? address : null;
}

export function metaFromHeaders(h: Headers): RequestMeta {
  return { requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID(), ip: clientAddress(h.get("x-forwarded-for")) };
}
