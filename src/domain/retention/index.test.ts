import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETENTION_RULES,
  applyRetention,
  decisionRecordType,
  describeAppliedRetention,
  describeRetentionRule,
  retentionRulesFormSchema,
  retentionForDecision,
  retentionRulesWith,
} from "./index";

const MADE = new Date("2026-11-29T10:00:00Z");

describe("decisionRecordType", () => {
  it("treats a child at risk of significant harm as a child-protection record, whatever the outcome", () => {
    expect(decisionRecordType({ aggregate: false, childAtRiskOfSignificantHarm: true, outcome: "NO_SHARE" })).toBe(
      "CHILD_PROTECTION",
    );
  });
  it("sorts the rest by outcome, and requests that identify no one apart", () => {
    expect(decisionRecordType({ aggregate: false, childAtRiskOfSignificantHarm: false, outcome: "SHARE_PART" })).toBe(
      "SHARE",
    );
    expect(decisionRecordType({ aggregate: false, childAtRiskOfSignificantHarm: false, outcome: "NO_SHARE" })).toBe(
      "NO_SHARE",
    );
    expect(decisionRecordType({ aggregate: true, childAtRiskOfSignificantHarm: false, outcome: "SHARE" })).toBe(
      "AGGREGATE",
    );
  });
});

describe("applyRetention", () => {
  it("keeps a child-protection record 25 years by default, not the flat six of decision 009", () => {
    const { retainUntil, applied } = applyRetention(DEFAULT_RETENTION_RULES.CHILD_PROTECTION, MADE);
    expect(retainUntil.toISOString()).toBe("2051-11-29T10:00:00.000Z");
    expect(applied).toMatchObject({ recordType: "CHILD_PROTECTION", years: 25, fromDateOfBirth: false });
  });

  it("keeps to the child's 25th birthday when the date of birth is known and that is later", () => {
    const rule = { recordType: "CHILD_PROTECTION" as const, years: 6, untilAge: 25 };
    const { retainUntil, applied } = applyRetention(rule, MADE, new Date("2020-03-01T00:00:00Z"));
    expect(retainUntil.toISOString()).toBe("2045-03-01T00:00:00.000Z");
    expect(applied.fromDateOfBirth).toBe(true);
  });

  it("keeps the years when they run past the birthday", () => {
    const rule = { recordType: "SHARE" as const, years: 6, untilAge: 25 };
    const { applied } = applyRetention(rule, MADE, new Date("2005-01-01T00:00:00Z"));
    expect(applied.fromDateOfBirth).toBe(false);
    expect(applied.retainUntil).toBe("2032-11-29T10:00:00.000Z");
  });

  it("uses the organisation's own rule over the default", () => {
    const rules = retentionRulesWith([{ recordType: "NO_SHARE", years: 10, untilAge: null }]);
    expect(rules.NO_SHARE.years).toBe(10);
    expect(rules.SHARE).toEqual(DEFAULT_RETENTION_RULES.SHARE);
    expect(applyRetention(rules.NO_SHARE, MADE).retainUntil.toISOString()).toBe("2036-11-29T10:00:00.000Z");
  });
});

describe("describing rules", () => {
  it("says what the rule is and why a record got its date", () => {
    expect(describeRetentionRule({ years: 25, untilAge: 25 })).toBe(
      "to the child's 25th birthday when the date of birth is known, or 25 years from the record if later",
    );
    expect(describeRetentionRule({ years: 1, untilAge: null })).toBe("1 year from the record");
    const { applied } = applyRetention(DEFAULT_RETENTION_RULES.CHILD_PROTECTION, MADE);
    expect(describeAppliedRetention(applied)).toContain("25 years from the record (no date of birth recorded");
    expect(describeAppliedRetention(null)).toMatch(/single retention period/);
  });
});

describe("retentionRulesFormSchema", () => {
  const valid = {
    "years-CHILD_PROTECTION": "30",
    "untilAge-CHILD_PROTECTION": "25",
    "years-SHARE": "6",
    "untilAge-SHARE": "",
    "years-NO_SHARE": "6",
    "years-CONSULTATION": "2",
    "years-AGGREGATE": "1",
  };
  it("reads one rule per record type, a blank age as none", () => {
    const parsed = retentionRulesFormSchema().parse(valid);
    expect(parsed).toContainEqual({ recordType: "CHILD_PROTECTION", years: 30, untilAge: 25 });
    expect(parsed).toContainEqual({ recordType: "SHARE", years: 6, untilAge: null });
    expect(parsed).toHaveLength(5);
  });
  it("refuses an age under 18 and years out of range", () => {
    const result = retentionRulesFormSchema().safeParse({ ...valid, "untilAge-SHARE": "16", "years-AGGREGATE": "0" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).toSorted()).toEqual([
      "untilAge-SHARE",
      "years-AGGREGATE",
    ]);
  });
});

describe("retentionForDecision", () => {
  const base = { decidedAt: MADE, outcome: "SHARE" as const, childAtRiskOfSignificantHarm: false, answers: {} };
  it("applies the rule for the decision's type", () => {
    const rules = retentionRulesWith([{ recordType: "AGGREGATE", years: 2, untilAge: null }]);
    expect(retentionForDecision(base, rules).applied.recordType).toBe("SHARE");
    const aggregate = retentionForDecision({ ...base, answers: { identifiable: { identifiable: "no" } } }, rules);
    expect(aggregate.applied).toMatchObject({ recordType: "AGGREGATE", years: 2 });
    expect(aggregate.retainUntil.toISOString()).toBe("2028-11-29T10:00:00.000Z");
    const atRisk = retentionForDecision({ ...base, childAtRiskOfSignificantHarm: true }, rules);
    expect(atRisk.retainUntil.toISOString()).toBe("2051-11-29T10:00:00.000Z");
  });
});
