"use server";
import { currentSessionId } from "@/server/auth/current-actor";
import { endOtherSession } from "@/server/auth/end-other-session";
import { goTo, postAction } from "@/server/pipeline/action";

export const endOtherSessionAction = postAction(
  { access: "signed-in" },
  async ({ user, fields, meta }) =>
    endOtherSession(user, { sessionId: fields.sessionId }, await currentSessionId(), meta),
  {
    done: () => goTo("/sessions?done=ended"),
  },
);
