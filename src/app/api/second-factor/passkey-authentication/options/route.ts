import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { startPasskeyAuthentication } from "@/server/second-factor/start-passkey-authentication";

// The options for navigator.credentials.get(): this person's passkeys and a new challenge.
export const POST = routeHandler("password-verified", async ({ user }) => {
  const result = await startPasskeyAuthentication(user);
  if (!result.ok) return failureResponse(result);
  return Response.json(result.options, { headers: { "Cache-Control": "no-store" } });
});
