// Runs once when a server instance starts (Next.js instrumentation). Starts the audit checkpoint
// signer (decision 014) in the Node.js runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditCheckpointTimer } = await import("./server/audit/checkpoint-timer");
  startAuditCheckpointTimer();
}
