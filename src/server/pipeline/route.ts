import "server-only";
import type { UseCaseErrorKind, UseCaseFailure } from "@/domain/errors";
import { can } from "@/domain/policy";
import { type SignedInUser, currentSession } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { type RequestMeta, metaFromHeaders } from "@/server/infra/request-context";
import type { Access } from "./action";
import { brand } from "./brand";

export interface RouteContext<A extends Access, Params> {
  user: A extends "public" ? SignedInUser | null : SignedInUser;
  meta: RequestMeta;
  request: Request;
  params: Params;
}

const STATUS: Record<UseCaseErrorKind, number> = {
  "not-found": 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  busy: 503,
};

/** A use case's failure as the API answers it: the status its kind means, a title, the errors. */
export function failureResponse(
  failure: UseCaseFailure,
  titles: Partial<Record<UseCaseErrorKind, string>> = {},
): Response {
  const status = STATUS[failure.error];
  const error = titles[failure.error] ?? failure.errors[0]?.message ?? "The request failed";
  const headers: Record<string, string> = status === 503 ? { "Retry-After": "60" } : {};
  return Response.json({ error, errors: failure.errors }, { status, headers });
}

/**
 * The route handlers' pipeline, the equivalent of the server actions' one: authenticate (401 in
 * JSON, not a redirect: these are API calls), authorise against the policy (auditing a refusal,
 * 403), then the handler, which calls one use case and answers failures with failureResponse.
 */
export function routeHandler<A extends Access, Params = Record<string, never>>(
  access: A,
  handler: (context: RouteContext<A, Params>) => Promise<Response> | Response,
  options: { refusal?: string } = {},
): (request: Request, segment?: { params: Promise<Params> }) => Promise<Response> {
  const route = async (request: Request, segment?: { params: Promise<Params> }): Promise<Response> => {
    const meta = metaFromHeaders(request.headers);
    let user: SignedInUser | null = null;
    if (access !== "public") {
      const session = await currentSession();
      // A session waiting for its second factor reaches only the second-factor routes (decision 021).
      const accepted =
        session.status === "signed-in" ||
        (session.status === "second-factor-pending" && access === "password-verified");
      if (!accepted) return Response.json({ error: "Sign in to use this API" }, { status: 401 });
      user = session.user;
      if (access !== "signed-in" && access !== "password-verified" && !can(user, access)) {
        await recordRefusal(user, meta, access);
        return Response.json({ error: options.refusal ?? "You do not have permission to do this" }, { status: 403 });
      }
    }
    const params = (segment ? await segment.params : {}) as Params;
    return handler({ user, meta, request, params } as RouteContext<A, Params>);
  };
  return brand(route, "route");
}
