// Signed-in requests without the sign-in form: the session cookie the sign-in action would set,
// made with NextAuth's own encode and the server's secret (src/app/sign-in/actions.ts does the same).
import type { Role } from "../../../src/domain/policy";
import { encodeSessionToken, nowSeconds, sessionCookieName } from "../../../src/server/auth/session-token";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  /** The user_session record the cookie names; without one the server refuses the cookie. */
  sessionId?: string;
}

/** A `Cookie` header value for `user` on a server using `secret` over plain http (loopback). */
export async function sessionCookie(user: SessionUser, secret: string, maxAgeSeconds = 4 * 60 * 60): Promise<string> {
  const token = await encodeSessionToken(
    {
      sub: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      sv: user.sessionVersion,
      sid: user.sessionId,
      authAt: nowSeconds(),
    },
    secret,
    maxAgeSeconds,
  );
  return `${sessionCookieName(false)}=${token}`;
}
