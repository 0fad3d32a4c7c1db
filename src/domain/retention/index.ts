import { z } from "zod";
import { addUkYears } from "../calendar";
import { column, keysOf } from "../closed-lists";

/**
 * Retention by record type (decision 024), set by the organisation's IG lead. Replaces decision
 * 009's flat period for records made from now on; records already made keep their dates.
 */
export interface RetentionRule {
  recordType: RetentionRecordType;
  /** Years from when the record was made. */
  years: number;
  /** Or to the child's birthday of this age, when later and the date of birth is known. */
  untilAge: number | null;
}

/**
 * Each type of record (RETENTION_RECORD_TYPES comes from the keys), its name, and how long it is
 * kept until an IG lead sets the organisation's own. Sources (decision 024): the IRMS
 * Information Management Toolkit for Schools keeps child protection files to the child's date of
 * birth + 25 years; the NHS Records Management Code of Practice (2023) keeps children's records to
 * the 25th birthday (26th if 17 when care ended); local authority schedules keep child protection
 * records longer (e.g. 35 years after last contact). The wizard records no date of birth, so the
 * child-protection default is 25 years from the record: never earlier than the 25th birthday.
 * Six years elsewhere follows the Limitation Act 1980 period local schedules use for advice and
 * consultations (e.g. Devon's "advice consultation: 6 years from last contact").
 */
const RECORD_TYPE_FACTS = {
  CHILD_PROTECTION: { label: "Child-protection record (a child at risk of significant harm)", years: 25, untilAge: 25 },
  SHARE: { label: "Decision to share", years: 6, untilAge: 25 },
  NO_SHARE: { label: "Decision not to share", years: 6, untilAge: 25 },
  CONSULTATION: { label: "Anonymous consultation", years: 6, untilAge: null },
  AGGREGATE: { label: "Request that identifies no one (numbers, trends)", years: 6, untilAge: null },
} satisfies Record<string, { label: string } & Omit<RetentionRule, "recordType">>;
export const RETENTION_RECORD_TYPES = keysOf(RECORD_TYPE_FACTS);
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];
export const RETENTION_RECORD_TYPE_LABELS: Record<RetentionRecordType, string> = column(RECORD_TYPE_FACTS, "label");

/** The defaults, as rules. */
export const DEFAULT_RETENTION_RULES = Object.fromEntries(
  RETENTION_RECORD_TYPES.map((recordType) => {
    const { years, untilAge } = RECORD_TYPE_FACTS[recordType];
    return [recordType, { recordType, years, untilAge }];
  }),
) as Record<RetentionRecordType, RetentionRule>;

export const MAX_RETENTION_YEARS = 100;

const ruleFields = {
  years: z.number().int().min(1).max(MAX_RETENTION_YEARS),
  untilAge: z.number().int().min(18).max(MAX_RETENTION_YEARS).nullable(),
};
export const retentionRuleSchema = z.strictObject({ recordType: z.enum(RETENTION_RECORD_TYPES), ...ruleFields });

/** The organisation's rules: its own where set, the defaults for the rest. */
export function retentionRulesWith(overrides: readonly RetentionRule[]): Record<RetentionRecordType, RetentionRule> {
  const rules = { ...DEFAULT_RETENTION_RULES };
  for (const rule of overrides) {
    const parsed = retentionRuleSchema.safeParse(rule);
    if (parsed.success) rules[parsed.data.recordType] = parsed.data;
  }
  return rules;
}

export interface RecordTypeInput {
  /** A request that identifies no one. */
  aggregate: boolean;
  childAtRiskOfSignificantHarm: boolean;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
}

/** Which rule a decision falls under: the longest-kept type that describes it. */
export function decisionRecordType(input: RecordTypeInput): RetentionRecordType {
  if (input.childAtRiskOfSignificantHarm) return "CHILD_PROTECTION";
  if (input.aggregate) return "AGGREGATE";
  return input.outcome === "NO_SHARE" ? "NO_SHARE" : "SHARE";
}

/** The rule a record was given, stored with it so the retention page can say why. */
export interface AppliedRetention {
  recordType: RetentionRecordType;
  years: number;
  untilAge: number | null;
  /** Whether the date came from the child's date of birth (else from the years). */
  fromDateOfBirth: boolean;
  retainUntil: string;
}

export const appliedRetentionSchema = z.object({
  recordType: z.enum(RETENTION_RECORD_TYPES),
  years: z.number(),
  untilAge: z.number().nullable(),
  fromDateOfBirth: z.boolean(),
  retainUntil: z.string(),
});

/**
 * When a record of this type, made at `madeAt`, is due for a retention review: `years` on, or the
 * child's `untilAge` birthday when the date of birth is known and that is later.
 */
export function applyRetention(
  rule: RetentionRule,
  madeAt: Date,
  childDateOfBirth?: Date | null,
): { retainUntil: Date; applied: AppliedRetention } {
  const byYears = addUkYears(madeAt, rule.years);
  const byAge = rule.untilAge !== null && childDateOfBirth ? addUkYears(childDateOfBirth, rule.untilAge) : null;
  const fromDateOfBirth = byAge !== null && byAge.getTime() > byYears.getTime();
  const retainUntil = fromDateOfBirth ? byAge : byYears;
  return {
    retainUntil,
    applied: {
      recordType: rule.recordType,
      years: rule.years,
      untilAge: rule.untilAge,
      fromDateOfBirth,
      retainUntil: retainUntil.toISOString(),
    },
  };
}

/** The rule in words, as the settings and retention pages show it. */
export function describeRetentionRule(rule: Pick<RetentionRule, "years" | "untilAge">): string {
  const years = `${rule.years} ${rule.years === 1 ? "year" : "years"} from the record`;
  return rule.untilAge === null
    ? years
    : `to the child's ${ordinal(rule.untilAge)} birthday when the date of birth is known, or ${years} if later`;
}

/** Why a record has its date, in words, for the retention page. */
export function describeAppliedRetention(applied: AppliedRetention | null): string {
  if (!applied) return "The organisation's single retention period when the record was made (before rules by type)";
  const type = RETENTION_RECORD_TYPE_LABELS[applied.recordType];
  if (applied.fromDateOfBirth) return `${type}: to the child's ${ordinal(applied.untilAge ?? 0)} birthday`;
  const dateOfBirthNote =
    applied.untilAge === null ? "" : " (no date of birth recorded, so the years from the record apply)";
  return `${type}: ${applied.years} ${applied.years === 1 ? "year" : "years"} from the record${dateOfBirthNote}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th"}`;
}

/** The IG lead's form: one "years" and one optional "until age" field per record type. */
export function retentionRulesFormSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const type of RETENTION_RECORD_TYPES) {
    const label = RETENTION_RECORD_TYPE_LABELS[type].toLowerCase();
    shape[`years-${type}`] = z.coerce
      .number({ error: `Enter the years to keep a ${label}` })
      .int({ error: `Enter a whole number of years for a ${label}` })
      .min(1, { error: `Keep a ${label} for at least 1 year` })
      .max(MAX_RETENTION_YEARS, { error: `Years for a ${label} must be ${MAX_RETENTION_YEARS} or fewer` });
    shape[`untilAge-${type}`] = z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const age = Number(value);
        if (!Number.isInteger(age) || age < 18 || age > MAX_RETENTION_YEARS) {
          context.addIssue({
            code: "custom",
            message: `The age for a ${label} must be a whole number from 18 to ${MAX_RETENTION_YEARS}, or blank`,
          });
          return z.NEVER;
        }
        return age;
      });
  }
  return z.object(shape).transform((fields) =>
    RETENTION_RECORD_TYPES.map((recordType): RetentionRule => ({
      recordType,
      years: fields[`years-${recordType}`] as number,
      untilAge: fields[`untilAge-${recordType}`] as number | null,
    })),
  );
}

/** What of a decision record its retention depends on. */
export interface DecisionForRetention {
  decidedAt: Date;
  outcome: RecordTypeInput["outcome"];
  childAtRiskOfSignificantHarm: boolean;
  /** The wizard's answers: a request that identifies no one answers "identifiable" with "no". */
  answers: { identifiable?: { identifiable?: string } };
}

/**
 * A decision's retention under the organisation's rules. The wizard records no date of birth
 * (data minimisation, decision 003), so the years from the record apply.
 */
export function retentionForDecision(
  record: DecisionForRetention,
  rules: Record<RetentionRecordType, RetentionRule>,
): { retainUntil: Date; applied: AppliedRetention } {
  const recordType = decisionRecordType({
    aggregate: record.answers.identifiable?.identifiable === "no",
    childAtRiskOfSignificantHarm: record.childAtRiskOfSignificantHarm,
    outcome: record.outcome,
  });
  return applyRetention(rules[recordType], record.decidedAt);
}
