/** What a team's page says after each change (`?done=`). */
export const TEAM_NOTICES = {
  created: "Team created.",
  renamed: "Team renamed.",
  archived: "Team archived. Its people and records are kept; nobody new can join it.",
  unarchived: "Team unarchived. People can join it again.",
};

/** The team's page, saying what was done: a notice the page has (the key is type-checked). */
export function teamPageAfter(teamId: string, done: keyof typeof TEAM_NOTICES): string {
  return `/admin/teams/${teamId}?done=${done}`;
}
