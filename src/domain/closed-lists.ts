// Closed lists of values (roles, actions, steps) kept in one place: a record keyed by the values
// (their labels, their grants) is the single source, and the list, its type and zod's z.enum come
// from it, so a value cannot be added to one and forgotten in the other.

/** A list with at least one value, as zod's `z.enum` takes it. */
export type NonEmptyList<Value extends string> = readonly [Value, ...Value[]];

/** The keys of a record, in the order written: the values of a closed list whose record is its source. */
export function keysOf<const Keyed extends Record<string, unknown>>(record: Keyed): NonEmptyList<keyof Keyed & string> {
  return Object.keys(record) as unknown as NonEmptyList<keyof Keyed & string>;
}

/** A closed list without one of its values, typed as such (the list's order is kept). */
export function without<const Value extends string, const Excluded extends Value>(
  values: readonly Value[],
  excluded: Excluded,
): Exclude<Value, Excluded>[] {
  return values.filter((value): value is Exclude<Value, Excluded> => value !== excluded);
}

/** One column of a table keyed by a closed list's values, such as each role's label. */
export function column<const Key extends string, Row, const Field extends keyof Row>(
  table: Record<Key, Row>,
  field: Field,
): Record<Key, Row[Field]> {
  const entries = Object.entries<Row>(table).map(([key, row]) => [key, row[field]]);
  return Object.fromEntries(entries) as Record<Key, Row[Field]>;
}
