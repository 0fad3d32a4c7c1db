"use server";
import { createTeam } from "@/server/admin/create-team";
import { renameTeam } from "@/server/admin/rename-team";
import { setTeamArchived } from "@/server/admin/set-team-archived";
import { formAction, goTo } from "@/server/pipeline/action";
import { teamPageAfter } from "./notices";

export const createTeamAction = formAction(
  { access: "teams.manage" },
  ({ user, fields, meta }) => createTeam(user, fields, meta),
  { done: (result) => goTo(teamPageAfter(result.teamId, "created")) },
);

export const renameTeamAction = formAction(
  { access: "teams.manage" },
  ({ user, fields, meta }) => renameTeam(user, fields, meta),
  { done: (result) => goTo(teamPageAfter(result.teamId, "renamed")) },
);

export const setTeamArchivedAction = formAction(
  { access: "teams.manage" },
  ({ user, fields, meta }) => setTeamArchived(user, fields, meta),
  { done: (result) => goTo(teamPageAfter(result.teamId, result.archived ? "archived" : "unarchived")) },
);
