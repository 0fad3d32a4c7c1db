// audit:verify hashes events from PostgreSQL's COPY text without building the event (decision 029):
// for any events, the hashes it takes from their COPY rows must be hashAuditEvent's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AUDIT_OUTCOMES, type JsonValue, hashAuditEvent, wellFormedText } from "@/domain/audit";
import { copyTextField, hashCopyBatch } from "./audit-event-copy";

const COPY_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

/** A field as COPY ... TO STDOUT writes it in text format. */
const copyField = (value: string | null) =>
  value === null ? "\\N" : value.replace(/[\\\b\f\n\r\t\v]/g, (c) => COPY_ESCAPES[c]!);

/** Text as the database can hold it (UTF-8: no lone surrogates), with what COPY and JSON escape. */
const text = fc.oneof(
  fc.string({ unit: "binary" }).map(wellFormedText),
  fc.constantFrom('"', "\\", "\\N", "\t", "a\nb", "\u0007", "\u2028", "é😀", "plain-text-1"),
);
const optional = fc.option(text, { nil: null });

// The hashed fields in the canonical JSON's order, then the row's id and stored hash.
const event = fc.record({
  action: text,
  actorId: optional,
  actorRole: optional,
  at: fc.date({ min: new Date(0), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }),
  caseReference: optional,
  chainKey: text,
  chainSeq: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
  detail: fc.dictionary(
    text,
    fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as JsonValue),
  ),
  ip: optional,
  objectId: optional,
  objectType: optional,
  organisationId: optional,
  outcome: fc.constantFrom(...AUDIT_OUTCOMES),
  prevHash: text,
  requestId: optional,
  id: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
  hash: text,
});

type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

function copyRow(e: Event): string {
  return [
    e.id.toString(),
    e.chainKey,
    e.chainSeq.toString(),
    e.at.getTime().toString(),
    e.actorId,
    e.actorRole,
    e.organisationId,
    e.action,
    e.objectType,
    e.objectId,
    e.caseReference,
    e.requestId,
    e.ip,
    e.outcome,
    JSON.stringify(e.detail),
    e.prevHash,
    e.hash,
  ]
    .map(copyField)
    .join("\t");
}

describe("hashCopyBatch", () => {
  it("takes hashAuditEvent's hash, position and links from any events' COPY rows", () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 6 }), (events) => {
        const batch = hashCopyBatch(Buffer.from(events.map((e) => `${copyRow(e)}\n`).join(""), "utf8"));
        expect(batch.recomputed).toEqual(events.map((e) => hashAuditEvent(e)));
        expect(batch.ids).toEqual(events.map((e) => e.id.toString()));
        expect(batch.seqs).toEqual(events.map((e) => e.chainSeq.toString()));
        expect(batch.prevHashes).toEqual(events.map((e) => e.prevHash));
        expect(batch.hashes).toEqual(events.map((e) => e.hash));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a row with too few or too many columns, and a cut-off row", () => {
    expect(() => hashCopyBatch(Buffer.from("1\tsystem\t1\n"))).toThrow(/3 columns, not 17/);
    expect(() => hashCopyBatch(Buffer.from(`${"x\t".repeat(17)}x\n`))).toThrow(/18 columns, not 17/);
    expect(() => hashCopyBatch(Buffer.from("1\tsystem"))).toThrow(/complete line/);
  });

  it("reads COPY's escapes and NULL", () => {
    expect(copyTextField("\\N")).toBeNull();
    expect(copyTextField("a\\tb\\\\c\\nd\\101\\x41")).toBe("a\tb\\c\ndAA");
  });
});
