"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { env, usesSecureCookies } from "@/server/infra/env";
import { signInUser } from "@/server/auth/sign-in-user";
import { encodeSessionToken, nowSeconds, sessionCookieName, sessionCookieOptions } from "@/server/auth/session-token";
import { requestMeta } from "@/server/infra/request-context";
import { formFields } from "@/app/form-data";
import type { FormError } from "@/components/ErrorSummary";

export interface SignInState {
  errors: FormError[];
  email: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signInUser(formFields(formData), await requestMeta());
  if (!result.ok) return { errors: result.errors, email: result.values.email };

  const { user } = result;
  const { NEXTAUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const maxAge = SESSION_IDLE_MINUTES * 60;
  const token = await encodeSessionToken(
    { sub: user.id, name: user.name, email: user.email, role: user.role, sv: user.sessionVersion, authAt: nowSeconds() },
    NEXTAUTH_SECRET,
    maxAge,
  );
  const secure = usesSecureCookies();
  (await cookies()).set(sessionCookieName(secure), token, sessionCookieOptions(secure, maxAge));
  redirect(safeCallbackPath(result.callbackUrl) ?? homePathFor(user.role));
}
