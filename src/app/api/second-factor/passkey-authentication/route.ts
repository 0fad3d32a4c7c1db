import { currentSessionId } from "@/server/auth/current-actor";
import { reissueSessionCookieWithSecondFactor } from "@/server/auth/session-cookie";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { finishPasskeyAuthentication } from "@/server/second-factor/finish-passkey-authentication";

// The passkey's signature: checked, and the session completed (decision 021).
export const POST = routeHandler("password-verified", async ({ user, request, meta }) => {
  const body: unknown = await request.json().catch(() => null);
  const result = await finishPasskeyAuthentication(user, await currentSessionId(), body, meta);
  if (!result.ok) return failureResponse(result);
  await reissueSessionCookieWithSecondFactor();
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
});
