import { safeCallbackPath } from "@/schemas/sign-in";

/** The page the person was going to before signing in, if it is one of ours. */
export function callbackFrom(params: Record<string, string | string[] | undefined>): string | null {
  return safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
}
