import { ARRANGEMENT_KINDS, ARRANGEMENT_KIND_LABELS } from "@/domain/local-arrangements";
import type { FieldDefinition } from "@/domain/wizard";

/** The admin's form for one arrangement (adding and changing). */
export const ARRANGEMENT_FIELDS: readonly FieldDefinition[] = [
  {
    name: "kind",
    kind: "radios",
    label: "What kind of arrangement is it?",
    options: ARRANGEMENT_KINDS.map((value) => ({ value, label: ARRANGEMENT_KIND_LABELS[value] })),
  },
  {
    name: "title",
    kind: "text",
    label: "Title, or the contact's name and role",
    hint: "For example: Northshire multi-agency information sharing protocol; MASH consultation line.",
    maxLength: 300,
  },
  {
    name: "parties",
    kind: "textarea",
    label: "Parties to the agreement",
    hint: "For an agreement or protocol: the organisations that signed it.",
    optional: true,
    maxLength: 1000,
  },
  {
    name: "detail",
    kind: "textarea",
    label: "Details",
    hint: "For the escalation route: the steps to take. For an advice contact: how to reach them.",
    optional: true,
    maxLength: 4000,
  },
  { name: "link", kind: "text", label: "Link", hint: "Starting https://", optional: true, maxLength: 2000 },
  {
    name: "agreedOn",
    kind: "date",
    label: "Date agreed or last reviewed",
    hint: "For an agreement or protocol. For example, 1 4 2025",
    optional: true,
  },
];
