import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditEventInput,
  wellFormedAuditInput,
  type ChainedAuditEvent,
  AUDIT_OUTCOMES,
  GENESIS_HASH,
  type JsonValue,
  canonicalEventJson,
  canonicalJson,
  chainEvent,
  chainEventTemplate,
  chainKeyFor,
  createChainVerifier,
  describeChainBreak,
  hashAuditEvent,
  hashableContent,
} from "./index";

function input(action: string, detail: AuditEventInput["detail"] = {}): AuditEventInput {
  return {
    actorId: "11111111-1111-1111-1111-111111111111",
    actorRole: "PRACTITIONER",
    organisationId: "org-1",
    action,
    objectType: null,
    objectId: null,
    caseReference: null,
    requestId: "req-1",
    ip: "127.0.0.1",
    outcome: "SUCCESS",
    detail,
  };
}

function buildChain(length: number): (ChainedAuditEvent & { id: bigint })[] {
  const events: (ChainedAuditEvent & { id: bigint })[] = [];
  let head = { lastSeq: 0n, lastHash: GENESIS_HASH };
  for (let i = 0; i < length; i += 1) {
    const event = chainEvent(input(`action.${i}`, { n: i }), head, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    events.push({ ...event, id: BigInt(i + 100) });
    head = { lastSeq: event.chainSeq, lastHash: event.hash };
  }
  return events;
}

function verify(events: (ChainedAuditEvent & { id: bigint })[], head?: { lastSeq: bigint; lastHash: string }) {
  const verifier = createChainVerifier("org-1");
  for (const event of events) verifier.add(event);
  const last = events.at(-1);
  return verifier.finish(head ?? (last ? { lastSeq: last.chainSeq, lastHash: last.hash } : null));
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });
  it("is independent of insertion order", () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ s: 'quote " and \n newline' })).toBe('{"s":"quote \\" and \\n newline"}');
  });
  it("rejects non-finite numbers", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
  });
});

describe("chainEvent", () => {
  it("starts a chain at position 1 from the genesis hash", () => {
    const [first] = buildChain(1);
    expect(first?.chainSeq).toBe(1n);
    expect(first?.prevHash).toBe(GENESIS_HASH);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it("links each event to the previous one", () => {
    const events = buildChain(3);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
  });
  it("uses the system chain for events without an organisation", () => {
    expect(chainKeyFor(null)).toBe("system");
    expect(
      chainEvent(
        { ...input("auth.sign-in"), organisationId: null },
        { lastSeq: 0n, lastHash: GENESIS_HASH },
        new Date(),
      ).chainKey,
    ).toBe("system");
  });
  it("changes the hash when any field changes", () => {
    const [event] = buildChain(1);
    if (!event) throw new Error("no event");
    const base = hashAuditEvent(event);
    expect(hashAuditEvent({ ...event, outcome: "DENIED" })).not.toBe(base);
    expect(hashAuditEvent({ ...event, detail: { n: 1 } })).not.toBe(base);
    expect(hashAuditEvent({ ...event, at: new Date(event.at.getTime() + 1) })).not.toBe(base);
    expect(hashAuditEvent({ ...event, ip: null })).not.toBe(base);
  });
});

describe("chainEventTemplate", () => {
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
  const fill = (template: ReturnType<typeof chainEventTemplate>, head: { lastSeq: bigint; lastHash: string }) =>
    sha256(`${template.before}${head.lastSeq + 1n}${template.between}${head.lastHash}${template.after}`);

  it("hashes, once the database fills in the head, exactly as chainEvent does", () => {
    const at = new Date(Date.UTC(2026, 10, 21, 13, 0, 0, 123));
    const heads = [
      { lastSeq: 0n, lastHash: GENESIS_HASH },
      { lastSeq: 41n, lastHash: "ab".repeat(32) },
      { lastSeq: 9_007_199_254_740_993n, lastHash: "f".repeat(64) },
    ];
    const inputs = [
      input("decision.record", { kind: "ORIGINAL", flags: ["DEPARTURE"], departsFromIndication: true }),
      {
        ...input("decision.record", {
          note: 'quotes " and \\ and \u0000 and ünïcödé 🙂',
          chainSeq: "1",
          prevHash: GENESIS_HASH,
        }),
        caseReference: '"chainSeq":"',
        organisationId: null,
      },
    ];
    for (const event of inputs) {
      for (const head of heads) {
        const template = chainEventTemplate(event, at);
        expect(template.chainKey).toBe(chainKeyFor(event.organisationId));
        expect(fill(template, head)).toBe(chainEvent(event, head, at).hash);
      }
    }
  });
});

describe("createChainVerifier", () => {
  it("accepts an intact chain", () => {
    expect(verify(buildChain(20))).toBeNull();
  });
  it("accepts an empty chain with no head", () => {
    expect(verify([])).toBeNull();
  });
  it("names the first altered event", () => {
    const events = buildChain(10);
    const altered = events.map((e, i) => (i === 4 ? { ...e, detail: { n: 999 } } : e));
    const broken = verify(altered);
    expect(broken).toEqual({ kind: "hash-mismatch", chainKey: "org-1", chainSeq: 5n, eventId: 104n });
    expect(describeChainBreak(broken!)).toMatch(/event 104 .*altered/);
  });
  it("detects an event removed from the middle", () => {
    const events = buildChain(10);
    const broken = verify([...events.slice(0, 3), ...events.slice(4)]);
    expect(broken).toMatchObject({ kind: "gap", expectedSeq: 4n, foundSeq: 5n });
  });
  it("detects a re-hashed forgery that does not link back", () => {
    const events = buildChain(5);
    const target = events[2]!;
    const forged = { ...target, prevHash: "f".repeat(64) };
    forged.hash = hashAuditEvent(forged);
    const broken = verify([events[0]!, events[1]!, forged, events[3]!, events[4]!]);
    expect(broken).toMatchObject({ kind: "prev-hash-mismatch", chainSeq: 3n });
  });
  it("detects events removed from the end via the chain head", () => {
    const events = buildChain(6);
    const head = { lastSeq: events[5]!.chainSeq, lastHash: events[5]!.hash };
    const broken = verify(events.slice(0, 4), head);
    expect(broken).toEqual({ kind: "head-mismatch", chainKey: "org-1", headSeq: 6n, lastSeq: 4n, lastEventId: 103n });
    expect(describeChainBreak(broken!)).toMatch(/last event is event 103 at position 4 .*removed from the end/);
  });
  it("detects a chain emptied of all its events", () => {
    const events = buildChain(2);
    const broken = verify([], { lastSeq: 2n, lastHash: events[1]!.hash });
    expect(broken).toMatchObject({ kind: "head-mismatch", headSeq: 2n, lastSeq: 0n, lastEventId: null });
    expect(describeChainBreak(broken!)).toMatch(/has no events/);
  });
  it("detects a head that does not match the last event", () => {
    const events = buildChain(3);
    const broken = verify(events, { lastSeq: 3n, lastHash: "e".repeat(64) });
    expect(broken).toMatchObject({ kind: "head-mismatch", headSeq: 3n, lastSeq: 3n, lastEventId: 102n });
    expect(describeChainBreak(broken!)).toMatch(/does not match event 102/);
  });
  it("detects events whose chain head was removed", () => {
    const verifier = createChainVerifier("org-1");
    for (const event of buildChain(3)) verifier.add(event);
    const broken = verifier.finish(null);
    expect(broken).toEqual({ kind: "head-missing", chainKey: "org-1", lastSeq: 3n, lastEventId: 102n });
    expect(describeChainBreak(broken!)).toMatch(/head is missing.*after event 102/);
  });
  it("reports only the first break and counts what it checked", () => {
    const events = buildChain(10);
    const verifier = createChainVerifier("org-1");
    const tampered = events.map((e, i) => (i === 2 || i === 6 ? { ...e, detail: { n: -1 } } : e));
    for (const event of tampered) verifier.add(event);
    expect(verifier.finish(null)).toMatchObject({ kind: "hash-mismatch", chainSeq: 3n });
    expect(verifier.checked).toBe(3);
  });
});

describe("canonicalEventJson (the fast form audit:verify hashes)", () => {
  const text = fc.option(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom('"', "\\", "\u2028")), {
    nil: null,
  });
  const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
  it("is canonicalJson(hashableContent(event)) for any event", () => {
    fc.assert(
      fc.property(
        fc.record({
          chainKey: fc.string({ unit: "binary" }),
          chainSeq: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
          at: fc.date({ min: new Date(0), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }),
          actorId: text,
          actorRole: text,
          organisationId: text,
          action: fc.string({ unit: "binary" }),
          objectType: text,
          objectId: text,
          caseReference: text,
          requestId: text,
          ip: text,
          outcome: fc.constantFrom(...AUDIT_OUTCOMES),
          detail: fc.dictionary(fc.string({ unit: "binary" }), json),
          prevHash: fc.string(),
        }),
        (event) => {
          expect(canonicalEventJson(event)).toBe(canonicalJson(hashableContent(event)));
          expect(hashAuditEvent(event)).toBe(
            createHash("sha256")
              .update(canonicalJson(hashableContent(event)), "utf8")
              .digest("hex"),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("wellFormedAuditInput", () => {
  const input = {
    actorId: null,
    actorRole: null,
    organisationId: null,
    action: "team.rename",
    objectType: "team",
    objectId: "t\ud800",
    caseReference: null,
    requestId: null,
    ip: null,
    outcome: "SUCCESS" as const,
    detail: { before: { name: "A\udc00B" }, after: ["x\ud83d"], emoji: "ok \ud83d\ude00" },
  };

  it("replaces lone surrogates with U+FFFD everywhere, keeping whole characters", () => {
    const made = wellFormedAuditInput(input);
    expect(made.objectId).toBe("t\uFFFD");
    expect(made.detail).toEqual({ before: { name: "A\uFFFDB" }, after: ["x\uFFFD"], emoji: "ok \ud83d\ude00" });
    expect(JSON.stringify(made.detail)).not.toMatch(/\\ud[89a-f]/i);
  });
});
