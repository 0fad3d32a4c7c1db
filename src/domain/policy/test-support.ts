// Shared set-up of the table-driven policy tests. The expected tables stay each test's own, written
// out by hand (an oracle independent of the code it checks); only the people and the enumeration of
// a table's cells are shared.
import { type Actor, type Role, ROLES } from "./index";

export const ORG = "org-a";
export const TEAM = "team-1";

/** "me", of organisation A and (unless told otherwise) team 1, in this role. */
export function actorWith(role: Role, teamId: string | null = TEAM): Actor {
  return { userId: "me", role, organisationId: ORG, teamId };
}

/**
 * Every cell of an expected table (for each role, each action and the relations it is allowed in) as
 * a case: the role, the action, one relation and whether the table allows it there.
 */
export function tableCases<Action extends string, Relation extends string>(
  expected: Record<Role, Record<Action, readonly Relation[]>>,
  actions: readonly Action[],
  relations: readonly Relation[],
) {
  return ROLES.flatMap((role) =>
    actions.flatMap((action) =>
      relations.map((relation) => ({ role, action, relation, allowed: expected[role][action].includes(relation) })),
    ),
  );
}
