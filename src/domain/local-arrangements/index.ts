import { z } from "zod";

/**
 * An organisation's local arrangements (decision 024), set by its admin: the information sharing
 * agreements and protocols it has signed, its escalation route for disagreements, and whom to ask
 * for advice. National guidance leaves these to local areas (HM Government, Information sharing
 * advice, May 2024; Working Together to Safeguard Children 2023, local safeguarding arrangements).
 */
export const ARRANGEMENT_KINDS = ["AGREEMENT", "ESCALATION_ROUTE", "ADVICE_CONTACT"] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];

export const ARRANGEMENT_KIND_LABELS: Record<ArrangementKind, string> = {
  AGREEMENT: "Information sharing agreement or protocol",
  ESCALATION_ROUTE: "Escalation route",
  ADVICE_CONTACT: "Advice contact",
};

export interface LocalArrangement {
  id: string;
  kind: ArrangementKind;
  /** An agreement's title, the route's name, or the contact's name and role. */
  title: string;
  parties: string | null;
  /** The escalation route's text, or how to reach the contact. */
  detail: string | null;
  link: string | null;
  /** YYYY-MM-DD. */
  agreedOn: string | null;
  version: number;
  updatedAt: Date;
}

/** What a decision records of the arrangements in force when it was made. */
export interface ArrangementStamp {
  id: string;
  kind: ArrangementKind;
  title: string;
  version: number;
  updatedAt: string;
}

const stampSchema = z.object({
  id: z.string(),
  kind: z.enum(ARRANGEMENT_KINDS),
  title: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

/** The stamp as the database wrote it; null for records made before stamps (or not readable). */
export function parseArrangementStamp(value: unknown): ArrangementStamp[] | null {
  const parsed = z.array(stampSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Where in the wizard each kind is shown. */
export type ArrangementPlace = "advice" | "lawful-basis" | "sharing" | "escalation";

const KINDS_FOR_PLACE: Record<ArrangementPlace, readonly ArrangementKind[]> = {
  advice: ["ADVICE_CONTACT"],
  "lawful-basis": ["AGREEMENT"],
  sharing: ["AGREEMENT"],
  escalation: ["ESCALATION_ROUTE"],
};

/** Which place a wizard step is, for arrangements: advice steps, the lawful basis and sharing steps. */
export function arrangementPlaceForStep(stepId: string): ArrangementPlace | null {
  if (stepId === "lawful-basis") return "lawful-basis";
  if (stepId === "sharing-method") return "sharing";
  if (stepId.endsWith("-advice") || stepId === "advice") return "advice";
  return null;
}

/** The arrangements that apply at a place, in a stable order (by title). */
export function arrangementsFor<A extends Pick<LocalArrangement, "kind" | "title">>(
  place: ArrangementPlace,
  arrangements: readonly A[],
): A[] {
  const kinds = KINDS_FOR_PLACE[place];
  return arrangements
    .filter((arrangement) => kinds.includes(arrangement.kind))
    .toSorted((a, b) => a.title.localeCompare(b.title, "en-GB"));
}

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .optional()
    .transform((value) => (value ? value : null));

const required = (message: string, label: string, max: number) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${label} must be ${max} characters or fewer` });

// Checked with the other fields (below), so every problem is listed at once.
const link = optionalText("The link", 2000);

const datePart = z.string().trim().optional();

function isoDay(year?: string, month?: string, day?: string): string | null | "invalid" {
  if (!year && !month && !day) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (!year || year.length !== 4 || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) {
    return "invalid";
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "invalid";
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The admin's form for one arrangement; which fields are required depends on the kind. */
export const arrangementFormSchema = z
  .object({
    kind: z.enum(ARRANGEMENT_KINDS, { error: "Select what kind of arrangement this is" }),
    title: required("Enter a title, or the contact's name and role", "The title", 300),
    parties: optionalText("The parties", 1000),
    detail: optionalText("The details", 4000),
    link,
    "agreedOn-day": datePart,
    "agreedOn-month": datePart,
    "agreedOn-year": datePart,
  })
  .transform((fields, context) => {
    const agreedOn = isoDay(fields["agreedOn-year"], fields["agreedOn-month"], fields["agreedOn-day"]);
    if (fields.link && !/^https:\/\/[^\s]+$/i.test(fields.link)) {
      context.addIssue({ code: "custom", path: ["link"], message: "Enter a link that starts with https://" });
    }
    if (agreedOn === "invalid") {
      context.addIssue({ code: "custom", path: ["agreedOn"], message: "The date must be a real date, or blank" });
    }
    if (fields.kind === "AGREEMENT" && !fields.parties) {
      context.addIssue({ code: "custom", path: ["parties"], message: "Enter the parties to the agreement" });
    }
    if (fields.kind === "ESCALATION_ROUTE" && !fields.detail) {
      context.addIssue({ code: "custom", path: ["detail"], message: "Describe the escalation route" });
    }
    if (fields.kind === "ADVICE_CONTACT" && !fields.detail) {
      context.addIssue({ code: "custom", path: ["detail"], message: "Enter how to reach the contact" });
    }
    if (context.issues.length > 0) return z.NEVER;
    return {
      kind: fields.kind,
      title: fields.title,
      parties: fields.kind === "AGREEMENT" ? fields.parties : null,
      detail: fields.detail,
      link: fields.link,
      agreedOn: fields.kind === "AGREEMENT" ? agreedOn : null,
    };
  });

export type ArrangementInput = z.output<typeof arrangementFormSchema>;
