"use server";
import { setResponseTimes } from "@/server/partnerships/set-response-times";
import { formAction, goTo } from "@/server/pipeline/action";

// Everyone in a member organisation reads the partnership (partnership.view); who may change its
// response times is the partnership policy's call (partnership.response-times), made in the use case.
export const setResponseTimesAction = formAction(
  { access: "partnership.view" },
  ({ user, fields, meta }) => setResponseTimes(user, fields, meta),
  { done: (result) => goTo(`/admin/partnership?done=${result.changed ? "changed" : "unchanged"}`) },
);
