import { GOLDEN_RULES, GOLDEN_RULE_IDS, type GoldenRule, type GoldenRuleId } from "./golden-rules";
import { GUIDANCE_NOTES, GUIDANCE_NOTE_IDS, type GuidanceNote, type GuidanceNoteId } from "./notes";
import { PRINCIPLES, PRINCIPLE_IDS, type Principle, type PrincipleId } from "./principles";

export { GUIDANCE_SOURCES, SOURCES, type GuidanceSource, type GuidanceSourceKind } from "./sources";
export { GUIDANCE_VERSIONS, GUIDANCE_VERSION_IDS, guidanceChangesBetween, type GuidanceVersion } from "./versions";
export { GOLDEN_RULES, GOLDEN_RULE_IDS, type GoldenRule, type GoldenRuleId } from "./golden-rules";
export {
  PRINCIPLES,
  PRINCIPLE_IDS,
  CHECKLIST_PRINCIPLE_IDS,
  type ChecklistPrincipleId,
  type Principle,
  type PrincipleId,
} from "./principles";
export { GUIDANCE_NOTES, GUIDANCE_NOTE_IDS, type GuidanceNote, type GuidanceNoteId } from "./notes";

/**
 * Stored on every decision so a record can always be read against the advice that was on screen
 * when it was made. Change it whenever the wording or the rules change.
 */
export const GUIDANCE_VERSION = "2026-11-wizard-order-v3";

export function isGoldenRuleId(value: string): value is GoldenRuleId {
  return (GOLDEN_RULE_IDS as readonly string[]).includes(value);
}

export function isPrincipleId(value: string): value is PrincipleId {
  return (PRINCIPLE_IDS as readonly string[]).includes(value);
}

export function isGuidanceNoteId(value: string): value is GuidanceNoteId {
  return (GUIDANCE_NOTE_IDS as readonly string[]).includes(value);
}

function mustFind<T extends { id: string }>(items: readonly T[], id: string, kind: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`Unknown ${kind}: ${id}`);
  return found;
}

export function goldenRule(id: GoldenRuleId): GoldenRule {
  return mustFind(GOLDEN_RULES, id, "golden rule");
}

export function principle(id: PrincipleId): Principle {
  return mustFind(PRINCIPLES, id, "principle");
}

export function guidanceNote(id: GuidanceNoteId): GuidanceNote {
  return mustFind(GUIDANCE_NOTES, id, "guidance note");
}

export type GuidanceItem =
  ({ kind: "golden-rule" } & GoldenRule) | ({ kind: "principle" } & Principle) | ({ kind: "note" } & GuidanceNote);

/** Looks up any piece of guidance by id, for pages that receive ids from untrusted input. */
export function findGuidance(id: string): GuidanceItem | undefined {
  if (isGoldenRuleId(id)) return { kind: "golden-rule", ...goldenRule(id) };
  if (isPrincipleId(id)) return { kind: "principle", ...principle(id) };
  if (isGuidanceNoteId(id)) return { kind: "note", ...guidanceNote(id) };
  return undefined;
}
