"use server";
import { changePersonAssignment } from "@/server/admin/change-person-assignment";
import { setUserAccess } from "@/server/set-user-access";
import { formAction, goTo } from "@/server/pipeline/action";
import { personPageAfter } from "./notices";

/** Deactivates (from the confirmation page) or reactivates a person. */
export const setUserAccessAction = formAction(
  { access: "users.manage" },
  ({ user, fields, meta }) => setUserAccess(user, fields, meta),
  {
    done: (result) => {
      // Whoever deactivated themselves is signed out by the page's own session check.
      return goTo(personPageAfter(result.userId, result.access === "disable" ? "deactivated" : "reactivated"));
    },
    // The form is a button: nothing typed to give back.
    refill: () => null,
  },
);

export const changePersonAssignmentAction = formAction(
  { access: "users.manage" },
  ({ user, fields, meta }) => changePersonAssignment(user, fields, meta),
  {
    done: (result) => goTo(personPageAfter(result.userId, result.changed ? "changed" : "unchanged")),
  },
);
