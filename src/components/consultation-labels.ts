import { ADVISER_KINDS, ADVISER_KIND_LABELS } from "@/domain/consultation";

export const ADVISER_OPTIONS = ADVISER_KINDS.map((value) => ({ value, label: ADVISER_KIND_LABELS[value] }));

export function adviserLabel(kind: string, adviser: string): string {
  const label = ADVISER_KIND_LABELS[kind as keyof typeof ADVISER_KIND_LABELS] ?? kind;
  return `${adviser} (${label.toLowerCase()})`;
}
