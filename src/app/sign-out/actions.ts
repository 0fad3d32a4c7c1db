"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { currentSession } from "@/server/auth/current-actor";
import { recordSignOut } from "@/server/auth/record-sign-out";
import { requestMeta } from "@/server/infra/request-context";

export async function signOutAction(): Promise<void> {
  const state = await currentSession();
  if (state.status === "signed-in") await recordSignOut(state.user, "user", await requestMeta());
  (await cookies()).delete(sessionCookieName(usesSecureCookies()));
  redirect("/signed-out");
}
