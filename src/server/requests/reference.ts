import { newDecisionReference } from "@/server/decisions/reference";

export const REQUEST_REFERENCE_PATTERN = /^REQ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A request reference such as "REQ-7K4Q-M2XD": random, like a decision's (same alphabet and length). */
export function newRequestReference(): string {
  return newDecisionReference().replace(/^DEC-/, "REQ-");
}

/** Accepts what people type: any case, spaces, missing dashes. */
export function normaliseRequestReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/^REQ/, "");
  if (compact.length !== 8) return null;
  const candidate = `REQ-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return REQUEST_REFERENCE_PATTERN.test(candidate) ? candidate : null;
}
