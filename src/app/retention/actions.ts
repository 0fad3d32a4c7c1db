"use server";
import { extendRetention } from "@/server/retention/extend-retention";
import { disposeDecision } from "@/server/retention/dispose-decision";
import { updateRetentionRules } from "@/server/retention/update-retention-rules";
import { formAction, goTo } from "@/server/pipeline/action";

export const extendRetentionAction = formAction(
  { access: "retention.manage" },
  ({ user, fields, meta }) => extendRetention(user, fields, meta),
  {
    done: () => goTo("/retention?done=extended"),
  },
);

export const disposeDecisionAction = formAction(
  { access: "retention.manage" },
  ({ user, fields, meta }) => disposeDecision(user, fields, meta),
  {
    done: () => goTo("/retention?done=disposed"),
  },
);

export const updateRetentionRulesAction = formAction(
  { access: "retention-rules.manage" },
  ({ user, fields, meta }) => updateRetentionRules(user, fields, meta),
  {
    done: () => goTo("/retention/rules?done=saved"),
  },
);
