"use server";
import { revalidatePath } from "next/cache";
import { INITIAL_FORM_STATE } from "@/domain/errors";
import { setUserAccess } from "@/server/set-user-access";
import { formAction } from "@/server/pipeline/action";

export const setUserAccessAction = formAction(
  { access: "users.manage" },
  ({ user, fields, meta }) => setUserAccess(user, fields, meta),
  {
    done: (result) => {
      revalidatePath("/admin/users");
      const change = result.access === "disable" ? "disabled. Their sessions have ended" : "enabled";
      return { ...INITIAL_FORM_STATE, notice: `${result.name} has been ${change}.` };
    },
    // The form is a row of buttons: nothing typed to give back.
    refill: () => null,
  },
);
