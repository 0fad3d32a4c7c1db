"use server";
import { markAllNotificationsRead } from "@/server/notifications/list-notifications";
import { goTo, postAction } from "@/server/pipeline/action";

export const markNotificationsReadAction = postAction(
  { access: "signed-in" },
  async ({ user }) => ({ ok: true, marked: await markAllNotificationsRead(user) }),
  {
    done: () => goTo("/notifications"),
  },
);
