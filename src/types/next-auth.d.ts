import type { Role } from "@/domain/policy";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sessionVersion: number };
  }
  /** The user a sign-in opens a session for (signInUser's SessionUser adds the second-factor step). */
  interface User {
    id: string;
    name: string;
    email: string;
    role: Role;
    organisationId: string;
    teamId: string | null;
    sessionVersion: number;
    /** The server-side session record opened by this sign-in (user_session.id), carried in the token. */
    sessionId: string;
    /** The password was right; the second factor is still to come (decision 021). */
    secondFactorPending: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sub?: string;
    name?: string;
    email?: string;
    role?: Role;
    sv?: number;
    /** The server-side session record (user_session.id): checked on every request. */
    sid?: string;
    /** When the user signed in (seconds since epoch): bounds the session's whole life. */
    authAt?: number;
    /** How the person signed in: "sso" when their organisation's identity provider vouched (decision 022). */
    via?: "password" | "sso";
    /** Second factor pending (decision 021): proxy.ts sends such a session to /second-factor. */
    sfp?: boolean;
  }
}
