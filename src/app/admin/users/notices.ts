/** What a person's page says after each change (`?done=`). */
export const PERSON_NOTICES = {
  changed: "Role and team saved.",
  unchanged: "Nothing had changed, so nothing was saved.",
  deactivated: "Account deactivated. Their sessions have ended.",
  reactivated: "Account reactivated. They can sign in again.",
};

/** The person's page, saying what was done: a notice the page has (the key is type-checked). */
export function personPageAfter(userId: string, done: keyof typeof PERSON_NOTICES): string {
  return `/admin/users/${userId}?done=${done}`;
}
