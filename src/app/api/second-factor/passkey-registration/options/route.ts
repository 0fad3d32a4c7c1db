import { currentSessionId } from "@/server/auth/current-actor";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { startPasskeyRegistration } from "@/server/second-factor/start-passkey-registration";

// The options for navigator.credentials.create(); the challenge is kept in PostgreSQL (decision 021).
export const POST = routeHandler("password-verified", async ({ user }) => {
  const result = await startPasskeyRegistration(user, await currentSessionId());
  if (!result.ok) return failureResponse(result);
  return Response.json(result.options, { headers: { "Cache-Control": "no-store" } });
});
