import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, usesSecureCookies } from "@/server/infra/env";
import { metaFromHeaders } from "@/server/infra/request-context";
import { signInUser } from "./sign-in-user";
import { nowSeconds } from "./session-token";
import { claimsOf, sessionStateFor } from "./current-actor";

// NextAuth owns the session format (encrypted JWT) and the /api/auth routes. The sign-in page
// posts to a server action instead of /api/auth/callback so that it works without JavaScript and
// shows GOV.UK errors; both paths call signInUser (docs/decisions/004-sign-in-and-sessions.md).
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: env().SESSION_IDLE_MINUTES * 60 },
    // The token's own expiry: NextAuth's callback route encodes with jwt.maxAge, 30 days unless set.
    jwt: { maxAge: env().SESSION_IDLE_MINUTES * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "InfoShare account",
        credentials: {
          email: { label: "Email address", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const meta = metaFromHeaders(new Headers((req?.headers ?? {}) as Record<string, string>));
          const result = await signInUser({ email: credentials?.email, password: credentials?.password }, meta);
          return result.ok ? result.user : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // A token presented to /api/auth/session: checked like any request (open, not idle, user
        // enabled, version current). Throwing makes NextAuth answer {} and clear the cookie.
        if (!user) {
          const state = await sessionStateFor(claimsOf(token));
          // A session still waiting for its second factor is not a session to API clients either.
          if (state.status !== "signed-in") throw new Error("Session ended");
          return token;
        }
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        if (user.secondFactorPending) token.sfp = true;
        token.authAt = nowSeconds();
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          name: token.name ?? "",
          email: token.email ?? "",
          role: token.role ?? "PRACTITIONER",
          sessionVersion: token.sv ?? -1,
        };
        return session;
      },
    },
  };
}
