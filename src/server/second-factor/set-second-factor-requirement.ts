import "server-only";
import { z } from "zod";
import type { UseCaseResult } from "@/domain/errors";
import { db } from "@/server/infra/db";
import { changeOrganisationSettings } from "@/server/organisation-settings";
import { organisationRequiresSecondFactor } from "./second-factor-state";
import { withUserInput } from "@/server/use-case";

const schema = z.object({
  requireSecondFactor: z.enum(["yes", "no"], { error: "Choose whether everyone must use a second factor" }),
});

/**
 * Whether everyone in the organisation must use a second factor (on by default). Admins and IG
 * leads must whatever this says. The pipeline has checked settings.manage. Audited before/after.
 */
export const setSecondFactorRequirement = withUserInput(
  schema,
  async (user, input, meta): Promise<UseCaseResult<{ required: boolean }>> => {
    const required = input.requireSecondFactor === "yes";
    await db().$transaction(async (tx) => {
      const before = await organisationRequiresSecondFactor(user.organisationId, tx);
      await changeOrganisationSettings(
        tx,
        user,
        meta,
        { requireSecondFactor: required },
        { before: { requireSecondFactor: before }, after: { requireSecondFactor: required } },
      );
    });
    return { ok: true, required };
  },
);
