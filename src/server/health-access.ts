// Who may see the health endpoint's detail: HEALTH_DETAIL_ADDRESSES, a comma-separated list of
// client addresses (as request-context.ts's clientAddress reads them), by default loopback only.
const LOOPBACK = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

export function healthDetailAllowed(
  address: string | null,
  source: Record<string, string | undefined> = process.env,
): boolean {
  if (!address) return false;
  const configured = source.HEALTH_DETAIL_ADDRESSES?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return (configured && configured.length > 0 ? configured : LOOPBACK).includes(address);
}
