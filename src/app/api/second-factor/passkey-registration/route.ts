import { currentSessionId } from "@/server/auth/current-actor";
import { reissueSessionCookieWithSecondFactor } from "@/server/auth/session-cookie";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { finishPasskeyRegistration } from "@/server/second-factor/finish-passkey-registration";

// The browser's new credential: verified, stored, and (as a first factor) recovery codes made.
export const POST = routeHandler("password-verified", async ({ user, request, meta }) => {
  const body: unknown = await request.json().catch(() => null);
  const result = await finishPasskeyRegistration(user, await currentSessionId(), body, meta);
  if (!result.ok) return failureResponse(result);
  await reissueSessionCookieWithSecondFactor();
  return Response.json({ recoveryCodes: result.recoveryCodes }, { headers: { "Cache-Control": "no-store" } });
});
