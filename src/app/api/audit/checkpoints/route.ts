import { NextResponse } from "next/server";
import { currentSession } from "@/server/auth/current-actor";
import { exportAuditCheckpoints } from "@/server/audit/export-audit-checkpoints";
import { signAuditCheckpoint } from "@/server/audit/sign-audit-checkpoint";
import { metaFromHeaders } from "@/server/request-context";
import { attachment, signInRequired } from "../../exports/responses";

export const dynamic = "force-dynamic";

// GET: the IG lead's organisation's signed audit checkpoints, as a JSON Lines download.
// POST (the audit page's form, works without JavaScript): sign a checkpoint now. Decision 014.
export async function GET(request: Request) {
  const session = await currentSession();
  if (session.status !== "signed-in") return signInRequired();
  const result = await exportAuditCheckpoints(session.user, metaFromHeaders(request.headers));
  if (!result.ok) return Response.json({ error: "You do not have permission to download the checkpoints" }, { status: 403 });
  return attachment(result.body, result.filename, "application/jsonl; charset=utf-8");
}

export async function POST(request: Request) {
  const session = await currentSession();
  if (session.status !== "signed-in") return signInRequired();
  const result = await signAuditCheckpoint(session.user, metaFromHeaders(request.headers));
  if (!result.ok) return Response.json({ error: "You cannot sign audit checkpoints" }, { status: result.status });
  return NextResponse.redirect(new URL(`/audit?checkpoint=${result.signed ? "signed" : "current"}`, request.url), 303);
}
