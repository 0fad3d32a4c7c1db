import { publishedPublicKeys } from "@/server/audit/signing-keys";
import { routeHandler } from "@/server/pipeline/route";

export const dynamic = "force-dynamic";

// The public keys that verify the audit checkpoints (decision 014): public on purpose, so anyone
// holding an export can check it offline with scripts/verify-export.mjs.
export const GET = routeHandler("public", () =>
  Response.json({ keys: publishedPublicKeys() }, { headers: { "Cache-Control": "no-store" } }),
);
