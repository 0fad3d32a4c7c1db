import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString, hostileValue } from "../../../tests/property/hostile";
import { consentGivenShareAnswers } from "../wizard/test-fixtures";
import {
  compareQueueItems,
  groupByCase,
  decodeQueueCursor,
  encodeQueueCursor,
  escalationInputSchema,
  queueFilterSchema,
  replyInputSchema,
  resolveEscalationInputSchema,
  reviewInputSchema,
  reviewStatus,
  rulesTouched,
} from "./index";

const LONG = "This needs a clearer lawful basis.";
const RUNS = 150;

describe("reviewInputSchema", () => {
  it("accepts an endorsement without a comment", () => {
    expect(reviewInputSchema.parse({ kind: "ENDORSEMENT", comment: "", actionRequired: "" })).toEqual({
      kind: "ENDORSEMENT",
    });
  });
  it("requires a challenge to explain itself and say what to do", () => {
    const result = reviewInputSchema.safeParse({ kind: "CHALLENGE", comment: "", actionRequired: "" });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["comment", "Explain why you are challenging this decision"],
      ["actionRequired", "Say what the practitioner should do"],
    ]);
  });
  it("accepts a complete challenge", () => {
    expect(
      reviewInputSchema.safeParse({ kind: "CHALLENGE", comment: LONG, actionRequired: "Reconsider with the DSL" })
        .success,
    ).toBe(true);
  });
  it("requires a note to have text of substance", () => {
    expect(reviewInputSchema.safeParse({ kind: "NOTE", comment: "ok" }).error?.issues[0]?.message).toBe(
      "Comment must be at least 10 characters",
    );
  });
  it.each([
    [{ kind: "DELETE" }],
    [{ kind: "NOTE", comment: LONG, extra: "x" }],
    [{ kind: ["NOTE"], comment: LONG }],
    [{ kind: "NOTE", comment: "x".repeat(5001) }],
  ])("rejects %j", (input) => {
    expect(reviewInputSchema.safeParse(input).success).toBe(false);
  });
});

describe("reply, escalation and resolution schemas", () => {
  it("require text of substance", () => {
    expect(replyInputSchema.safeParse({ comment: "short" }).success).toBe(false);
    expect(replyInputSchema.safeParse({ comment: LONG }).success).toBe(true);
    expect(escalationInputSchema.safeParse({ reason: "too short" }).success).toBe(false);
    expect(escalationInputSchema.safeParse({ reason: "The police disagree with the refusal to share." }).success).toBe(
      true,
    );
    expect(resolveEscalationInputSchema.safeParse({ escalationId: "not-a-uuid", resolution: LONG }).success).toBe(
      false,
    );
  });
});

describe("queue cursor", () => {
  const cursor = {
    flagged: true,
    recordedAt: "2026-01-02T03:04:05.678Z",
    decisionId: "6f1c1e3e-1111-4222-8333-944455556666",
  };
  it("round-trips", () => {
    expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
  });
  it.each([
    "",
    "not-base64!",
    Buffer.from('{"f":true}').toString("base64url"),
    Buffer.from("[]").toString("base64url"),
    "x".repeat(300),
  ])("ignores %s", (raw) => {
    expect(decodeQueueCursor(raw)).toBeNull();
  });

  it("decodes anything from a URL to null or a cursor this app could have made, without throwing", () => {
    const base64ish = fc.oneof(
      hostileString,
      fc.string({
        unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_="),
        maxLength: 250,
      }),
    );
    const jsonCursor = fc
      .record({ f: hostileValue, r: hostileValue, d: hostileValue })
      .map((value) => Buffer.from(JSON.stringify(value) ?? "", "utf8").toString("base64url"));
    fc.assert(
      fc.property(fc.oneof(base64ish, jsonCursor, fc.constant(undefined)), (raw) => {
        const cursor = decodeQueueCursor(raw);
        if (cursor === null) return;
        expect(typeof cursor.flagged).toBe("boolean");
        expect(Number.isNaN(Date.parse(cursor.recordedAt))).toBe(false);
        expect(cursor.decisionId).toMatch(/^[0-9a-f-]{36}$/i);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("round-trips every cursor it makes", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.uuid(),
        (flagged, date, decisionId) => {
          const cursor = { flagged, recordedAt: date.toISOString(), decisionId };
          expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("compareQueueItems", () => {
  it("puts flagged first, then oldest, then by id", () => {
    const items = [
      { flagged: false, recordedAt: "2026-01-01T00:00:00.000Z", decisionId: "b" },
      { flagged: true, recordedAt: "2026-01-03T00:00:00.000Z", decisionId: "a" },
      { flagged: true, recordedAt: "2026-01-02T00:00:00.000Z", decisionId: "c" },
      { flagged: false, recordedAt: "2026-01-01T00:00:00.000Z", decisionId: "a" },
    ];
    expect(
      [...items]
        .sort(compareQueueItems)
        .map((i) => `${i.flagged ? "F" : "-"}${i.recordedAt.slice(8, 10)}${i.decisionId}`),
    ).toEqual(["F02c", "F03a", "-01a", "-01b"]);
  });
});

describe("queueFilterSchema", () => {
  it("treats blank fields as no filter", () => {
    expect(queueFilterSchema.parse({ flag: "", outcome: "", practitioner: "", from: "", to: "" })).toEqual({});
  });
  it("rejects unknown flags and unreal dates", () => {
    expect(queueFilterSchema.safeParse({ flag: "ANYTHING" }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
});

describe("reviewStatus", () => {
  const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`;
  it.each([
    [[], false, "AWAITING_REVIEW"],
    [[{ kind: "NOTE", createdAt: at(1) }], false, "AWAITING_REVIEW"],
    [[{ kind: "ENDORSEMENT", createdAt: at(1) }], false, "ENDORSED"],
    [[{ kind: "CHALLENGE", createdAt: at(1) }], false, "CHALLENGED_NEEDS_ACTION"],
    [
      [
        { kind: "CHALLENGE", createdAt: at(1) },
        { kind: "REPLY", createdAt: at(2) },
      ],
      false,
      "CHALLENGED_REPLIED",
    ],
    [
      [
        { kind: "REPLY", createdAt: at(1) },
        { kind: "CHALLENGE", createdAt: at(2) },
      ],
      false,
      "CHALLENGED_NEEDS_ACTION",
    ],
    [
      [
        { kind: "CHALLENGE", createdAt: at(1) },
        { kind: "ENDORSEMENT", createdAt: at(3) },
      ],
      false,
      "ENDORSED",
    ],
    [[{ kind: "CHALLENGE", createdAt: at(1) }], true, "RECONSIDERED"],
  ] as const)("%j with follow-up %s -> %s", (reviews, hasFollowUp, expected) => {
    expect(reviewStatus(reviews, hasFollowUp)).toBe(expected);
  });
});

describe("rulesTouched", () => {
  it("lists the rules of every answered step once, in rule order", () => {
    const rules = rulesTouched(consentGivenShareAnswers());
    expect(rules[0]).toBe("protection-comes-first");
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules).toContain("record-your-reasons");
  });
  it("is empty for no answers", () => {
    expect(rulesTouched({})).toEqual([]);
  });
});

describe("groupByCase", () => {
  const row = (decisionId: string, caseReference: string, recordedAt: string) => ({
    decisionId,
    caseReference,
    recordedAt,
  });

  it("gives each case one group, placed by its first (most urgent) row, its decisions newest first", () => {
    const queueOrder = [
      row("a", "CASE-2", "2025-03-01T10:00:00.000Z"), // urgent
      row("b", "CASE-1", "2025-03-02T10:00:00.000Z"),
      row("c", "CASE-2", "2025-03-03T10:00:00.000Z"),
      row("d", "CASE-1", "2025-03-04T10:00:00.000Z"),
      row("e", "CASE-2", "2025-03-05T10:00:00.000Z"),
    ];
    const groups = groupByCase(queueOrder);
    expect(groups.map((g) => g.caseReference)).toEqual(["CASE-2", "CASE-1"]);
    expect(groups[0]!.rows.map((r) => r.decisionId)).toEqual(["e", "c", "a"]);
    expect(groups[1]!.rows.map((r) => r.decisionId)).toEqual(["d", "b"]);
  });

  it("keeps every row exactly once", () => {
    const rows = [row("x", "A", "2025-01-01T00:00:00.000Z"), row("y", "A", "2025-01-01T00:00:00.000Z")];
    expect(groupByCase(rows).flatMap((g) => g.rows.map((r) => r.decisionId))).toEqual(["y", "x"]);
    expect(groupByCase([])).toEqual([]);
  });
});
