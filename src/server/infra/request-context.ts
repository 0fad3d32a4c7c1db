import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export interface RequestMeta {
  requestId: string;
  ip: string | null;
}

export const REQUEST_ID_HEADER = "x-request-id";

// proxy.ts stamps every request with an id; the first forwarded address is the client as seen
// by our reverse proxy. Neither is trusted for anything but the audit trail.
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip") || null;
  return { requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID(), ip: ip ? ip.slice(0, 64) : null };
}
