// Red / Amber / Green: how urgently a partner must answer (MASH practice; issue 14). The hours are
// working hours and are set per partnership; these are the defaults a new partnership starts with.
export const PRIORITIES = ["RED", "AMBER", "GREEN"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_RESPONSE_HOURS: Record<Priority, number> = { RED: 4, AMBER: 24, GREEN: 72 };

export const PRIORITY_LABELS: Record<Priority, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

/** The partnership's response time for a priority, falling back to the default where it set none. */
export function responseHours(priority: Priority, partnershipHours: Partial<Record<Priority, number>>): number {
  return partnershipHours[priority] ?? DEFAULT_RESPONSE_HOURS[priority];
}
