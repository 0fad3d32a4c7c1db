"use server";
import { saveLocalArrangement } from "@/server/local-arrangements/save-local-arrangement";
import { archiveLocalArrangement } from "@/server/local-arrangements/archive-local-arrangement";
import { formAction, goTo, postAction } from "@/server/pipeline/action";

/** The arrangement's id comes in a hidden field, apart from the arrangement's own fields. */
function withoutId(fields: Record<string, string | string[]>) {
  const { arrangementId, ...rest } = fields;
  return { id: typeof arrangementId === "string" ? arrangementId : "", rest };
}

export const addLocalArrangementAction = formAction(
  { access: "arrangements.manage" },
  ({ user, fields, meta }) => saveLocalArrangement(user, null, fields, meta),
  { done: () => goTo("/admin/local-arrangements?done=added") },
);

export const changeLocalArrangementAction = formAction(
  { access: "arrangements.manage" },
  ({ user, fields, meta }) => {
    const { id, rest } = withoutId(fields);
    return saveLocalArrangement(user, id, rest, meta);
  },
  { done: () => goTo("/admin/local-arrangements?done=changed") },
);

export const removeLocalArrangementAction = postAction(
  { access: "arrangements.manage" },
  ({ user, fields, meta }) => archiveLocalArrangement(user, withoutId(fields).id, meta),
  { done: () => goTo("/admin/local-arrangements?done=removed") },
);
