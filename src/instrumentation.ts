import type { Instrumentation } from "next";

/**
 * Server errors from pages, server actions, route handlers and the proxy become one JSON log line
 * carrying the request id proxy.ts stamped (the id the request's audit events carry), with the
 * route but not the query string (it can hold a case reference). Redaction is the logger's
 * (src/server/infra/logger.ts, decision 013).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./server/infra/logger");
  const requestId = request.headers["x-request-id"];
  logger().error(
    {
      err: error,
      requestId: Array.isArray(requestId) ? requestId[0] : (requestId ?? null),
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};

// Runs once when a server instance starts (Next.js instrumentation). Starts the audit checkpoint
// signer (decision 014) and the email outbox sender (decision 019) in the Node.js runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditCheckpointTimer } = await import("./server/audit/checkpoint-timer");
  startAuditCheckpointTimer();
  const { startEmailOutboxSender } = await import("./server/mail/outbox-timer");
  startEmailOutboxSender();
  // Information requests' reminders and escalations (decision 028).
  const { startRequestTimerRunner } = await import("./server/requests/request-timer-runner");
  startRequestTimerRunner();
}
