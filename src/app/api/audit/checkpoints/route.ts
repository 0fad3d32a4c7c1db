import { NextResponse } from "next/server";
import { exportAuditCheckpoints } from "@/server/audit/export-audit-checkpoints";
import { signAuditCheckpoint } from "@/server/audit/sign-audit-checkpoint";
import { failureResponse, routeHandler } from "@/server/pipeline/route";
import { attachment } from "../../exports/responses";

export const dynamic = "force-dynamic";

// GET: the IG lead's organisation's signed audit checkpoints, as a JSON Lines download.
export const GET = routeHandler(
  "audit.export",
  async ({ user, meta }) => {
    const result = await exportAuditCheckpoints(user, meta);
    if (!result.ok) return failureResponse(result);
    return attachment(result.body, result.filename, "application/jsonl; charset=utf-8");
  },
  { refusal: "You do not have permission to download the checkpoints" },
);

// POST (the audit page's form, works without JavaScript): sign a checkpoint now. Decision 014.
export const POST = routeHandler(
  "audit.verify",
  async ({ user, meta, request }) => {
    const result = await signAuditCheckpoint(user, meta);
    if (!result.ok) return failureResponse(result);
    return NextResponse.redirect(
      new URL(`/audit?checkpoint=${result.signed ? "signed" : "current"}`, request.url),
      303,
    );
  },
  { refusal: "You cannot sign audit checkpoints" },
);
