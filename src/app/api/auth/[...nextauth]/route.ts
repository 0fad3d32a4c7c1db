import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { routeHandler } from "@/server/pipeline/route";

// Options are built per request so the build never needs the secret or the database.
// Public: NextAuth's own endpoints are how a session starts.
const handler = routeHandler<"public", { nextauth: string[] }>("public", ({ request, params }) =>
  NextAuth(request as never, { params } as never, authOptions()),
);

export { handler as GET, handler as POST };
