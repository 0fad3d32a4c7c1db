// Audit events and their hash chain. Each organisation has its own chain; an event's hash covers
// its content and the previous event's hash, so altering, removing or re-ordering any event
// breaks every link after it. Hashing needs SHA-256, which we take from Node's standard library.
import { hash, randomUUID } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);
export const SYSTEM_CHAIN = "system";

export const AUDIT_OUTCOMES = ["SUCCESS", "DENIED", "FAILURE"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What the caller says happened; the chain position and hashes are added on append. */
export interface AuditEventInput {
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseReference: string | null;
  requestId: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  detail: { [key: string]: JsonValue };
}

export interface ChainedAuditEvent extends AuditEventInput {
  chainKey: string;
  chainSeq: bigint;
  at: Date;
  prevHash: string;
  hash: string;
}

export function chainKeyFor(organisationId: string | null): string {
  return organisationId ?? SYSTEM_CHAIN;
}

/**
 * Deterministic JSON: object keys sorted, no whitespace, only JSON types. Two programs that
 * agree on this serialisation agree on every hash, whatever order fields were built in.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonicalJson: numbers must be finite");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(",")}}`;
}

type HashableEvent = Omit<ChainedAuditEvent, "hash">;

export function hashableContent(event: HashableEvent): JsonValue {
  return {
    chainKey: event.chainKey,
    chainSeq: event.chainSeq.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorRole: event.actorRole,
    organisationId: event.organisationId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    caseReference: event.caseReference,
    requestId: event.requestId,
    ip: event.ip,
    outcome: event.outcome,
    detail: event.detail,
    prevHash: event.prevHash,
  };
}

/** Characters JSON.stringify escapes in a string: quote, backslash, control characters, lone surrogates. */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (value: string | null): string =>
  value === null ? "null" : NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;

/**
 * canonicalJson(hashableContent(event)), written out directly: the top-level keys are fixed, so
 * their sorted order is too. About three times faster, which is what audit:verify spends its time
 * on; unit-tested equal to the general form for any event.
 */
export function canonicalEventJson(event: HashableEvent): string {
  return canonicalEventJsonWithDetail(event, canonicalJson(event.detail));
}

/**
 * canonicalEventJson with the detail already in canonical form (`detailJson` must be
 * canonicalJson(event.detail)): audit:verify reads it from the database's jsonb text without parsing.
 */
export function canonicalEventJsonWithDetail(event: Omit<HashableEvent, "detail">, detailJson: string): string {
  return canonicalEventJsonOfLiterals({
    action: quoted(event.action),
    actorId: quoted(event.actorId),
    actorRole: quoted(event.actorRole),
    at: quoted(event.at.toISOString()),
    caseReference: quoted(event.caseReference),
    chainKey: quoted(event.chainKey),
    chainSeq: quoted(event.chainSeq.toString()),
    detail: detailJson,
    ip: quoted(event.ip),
    objectId: quoted(event.objectId),
    objectType: quoted(event.objectType),
    organisationId: quoted(event.organisationId),
    outcome: quoted(event.outcome),
    prevHash: quoted(event.prevHash),
    requestId: quoted(event.requestId),
  });
}

/** Each hashed field of an event as its JSON literal: JSON.stringify of its value, or canonicalJson for detail. */
export interface EventJsonLiterals {
  action: string;
  actorId: string;
  actorRole: string;
  at: string;
  caseReference: string;
  chainKey: string;
  chainSeq: string;
  detail: string;
  ip: string;
  objectId: string;
  objectType: string;
  organisationId: string;
  outcome: string;
  prevHash: string;
  requestId: string;
}

/**
 * The one layout of an event's canonical JSON, from its fields' JSON literals: audit:verify writes
 * the literals straight from the COPY text, where most fields need no escaping.
 */
export function canonicalEventJsonOfLiterals(l: EventJsonLiterals): string {
  return (
    `{"action":${l.action},"actorId":${l.actorId},"actorRole":${l.actorRole},"at":${l.at}` +
    `,"caseReference":${l.caseReference},"chainKey":${l.chainKey},"chainSeq":${l.chainSeq},"detail":${l.detail}` +
    `,"ip":${l.ip},"objectId":${l.objectId},"objectType":${l.objectType},"organisationId":${l.organisationId}` +
    `,"outcome":${l.outcome},"prevHash":${l.prevHash},"requestId":${l.requestId}}`
  );
}

export function hashAuditEvent(event: HashableEvent): string {
  return hashCanonicalEventJson(canonicalEventJson(event));
}

/** SHA-256 of an event's canonical JSON (canonicalEventJson), as the chain stores it: lower-case hex. */
export function hashCanonicalEventJson(json: string): string {
  // The one-shot form: no Hash object per event (Node 20.12+), a third of verifying's time otherwise.
  return hash("sha256", json, "hex");
}

export function chainEvent(
  input: AuditEventInput,
  head: { lastSeq: bigint; lastHash: string },
  at: Date,
): ChainedAuditEvent {
  const unhashed: HashableEvent = {
    ...input,
    chainKey: chainKeyFor(input.organisationId),
    chainSeq: head.lastSeq + 1n,
    at,
    prevHash: head.lastHash,
  };
  return { ...unhashed, hash: hashAuditEvent(unhashed) };
}

/**
 * An event's canonical serialisation with its chain position left open, for appending it in the
 * same database statement that locks its chain's head (recording a decision, decision 007): the
 * database fills in the head it locked and takes SHA-256 of
 *   before + (lastSeq + 1) + between + lastHash + after
 * which is exactly hashAuditEvent of chainEvent(input, head, at), so the serialisation stays here
 * and audit:verify checks these events like any other. chainSeq and prevHash serialise as bare
 * digits and hex inside quotes, so no escaping differs. Markers are random per call, and the split
 * is checked, so no text in the event can be mistaken for them.
 */
export function chainEventTemplate(
  input: AuditEventInput,
  at: Date,
): { chainKey: string; before: string; between: string; after: string } {
  // randomUUID draws from a buffered pool; randomBytes would ask the system for every call.
  const marker = randomUUID().replaceAll("-", "");
  const seqMarker = `s${marker}`;
  const hashMarker = `h${marker}`;
  const chainKey = chainKeyFor(input.organisationId);
  const content = hashableContent({ ...input, chainKey, chainSeq: 0n, at, prevHash: hashMarker }) as {
    [key: string]: JsonValue;
  };
  const json = canonicalJson({ ...content, chainSeq: seqMarker });
  const [before, rest, ...more] = json.split(seqMarker);
  const [between, after, ...evenMore] = (rest ?? "").split(hashMarker);
  if (
    before === undefined ||
    rest === undefined ||
    between === undefined ||
    after === undefined ||
    more.length > 0 ||
    evenMore.length > 0
  ) {
    throw new Error("chainEventTemplate: the chain position's markers did not split the event once each");
  }
  return { chainKey, before, between, after };
}

export type ChainBreak =
  | { kind: "gap"; chainKey: string; expectedSeq: bigint; foundSeq: bigint; eventId: bigint }
  | { kind: "prev-hash-mismatch"; chainKey: string; chainSeq: bigint; eventId: bigint }
  | { kind: "hash-mismatch"; chainKey: string; chainSeq: bigint; eventId: bigint }
  /** lastEventId: the last event the chain still has (null when it has none). */
  | { kind: "head-mismatch"; chainKey: string; headSeq: bigint; lastSeq: bigint; lastEventId: bigint | null }
  /** The chain has events but its head row is gone, so a cut-off tail could not be noticed. */
  | { kind: "head-missing"; chainKey: string; lastSeq: bigint; lastEventId: bigint };

/**
 * Verifies one chain incrementally: feed events in chain order, then call finish() with the
 * recorded chain head. Incremental so that millions of events verify in constant memory.
 */
/** What links an event into its chain: enough to check the chain once its content's hash is known. */
export interface ChainLink {
  id: bigint;
  chainSeq: bigint;
  prevHash: string;
  hash: string;
}

/**
 * A point the chain is known to have passed, to verify only what came after it: a signed
 * checkpoint's position and head hash, and the id of the event there.
 */
export interface ChainStart {
  seq: bigint;
  hash: string;
  eventId: bigint;
}

export function createChainVerifier(chainKey: string, start?: ChainStart) {
  let expectedSeq = start ? start.seq + 1n : 1n;
  let expectedPrev = start ? start.hash : GENESIS_HASH;
  let firstBreak: ChainBreak | null = null;
  let checked = 0;
  let lastEventId: bigint | null = start ? start.eventId : null;

  /** recomputedHash: SHA-256 of the event's content as it is now (hashAuditEvent), possibly taken elsewhere. */
  function addLink(event: ChainLink, recomputedHash: string): ChainBreak | null {
    if (firstBreak) return firstBreak;
    checked += 1;
    if (event.chainSeq !== expectedSeq) {
      firstBreak = { kind: "gap", chainKey, expectedSeq, foundSeq: event.chainSeq, eventId: event.id };
    } else if (event.prevHash !== expectedPrev) {
      firstBreak = { kind: "prev-hash-mismatch", chainKey, chainSeq: event.chainSeq, eventId: event.id };
    } else if (recomputedHash !== event.hash) {
      firstBreak = { kind: "hash-mismatch", chainKey, chainSeq: event.chainSeq, eventId: event.id };
    }
    expectedSeq = event.chainSeq + 1n;
    expectedPrev = event.hash;
    lastEventId = event.id;
    return firstBreak;
  }

  return {
    add(event: ChainedAuditEvent & { id: bigint }): ChainBreak | null {
      if (firstBreak) return firstBreak;
      return addLink(event, hashAuditEvent(event));
    },
    /** As add(), for an event whose content was hashed elsewhere (a worker thread: audit:verify). */
    addLink,
    /**
     * A head that is ahead of the last event means events were removed from the end; events with
     * no head at all (null) mean the head itself was removed. No events and no head is an empty,
     * intact chain.
     */
    finish(head: { lastSeq: bigint; lastHash: string } | null): ChainBreak | null {
      if (firstBreak) return firstBreak;
      const lastSeq = expectedSeq - 1n;
      if (head === null) {
        if (lastEventId !== null) firstBreak = { kind: "head-missing", chainKey, lastSeq, lastEventId };
      } else if (head.lastSeq !== lastSeq || head.lastHash !== expectedPrev) {
        firstBreak = { kind: "head-mismatch", chainKey, headSeq: head.lastSeq, lastSeq, lastEventId };
      }
      return firstBreak;
    },
    get checked() {
      return checked;
    },
    /** Position of the last event fed in (0 before any). */
    get lastSeq() {
      return expectedSeq - 1n;
    },
  };
}

export function describeChainBreak(broken: ChainBreak): string {
  switch (broken.kind) {
    case "gap":
      return (
        `Chain ${broken.chainKey}: event ${broken.eventId} has position ${broken.foundSeq}, expected ` +
        `${broken.expectedSeq} (an event is missing or out of place).`
      );
    case "prev-hash-mismatch":
      return (
        `Chain ${broken.chainKey}: event ${broken.eventId} (position ${broken.chainSeq}) does not link to the ` +
        "event before it."
      );
    case "hash-mismatch":
      return (
        `Chain ${broken.chainKey}: event ${broken.eventId} (position ${broken.chainSeq}) has been altered: its ` +
        "content no longer matches its hash."
      );
    case "head-mismatch":
      return broken.lastEventId === null
        ? `Chain ${broken.chainKey}: the chain head records position ${broken.headSeq} but the chain has no ` +
            "events (they were removed)."
        : broken.headSeq > broken.lastSeq
          ? `Chain ${broken.chainKey}: the chain head records position ${broken.headSeq} but the last event is ` +
            `event ${broken.lastEventId} at position ${broken.lastSeq} (events were removed from the end).`
          : `Chain ${broken.chainKey}: the chain head does not match event ${broken.lastEventId}, the last ` +
            `event (position ${broken.lastSeq}): the head or the end of the chain was changed.`;
    case "head-missing":
      return (
        `Chain ${broken.chainKey}: the chain head is missing, so events removed from the end after event ` +
        `${broken.lastEventId} (position ${broken.lastSeq}) could not be noticed.`
      );
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as UTF-8 can carry it: a lone surrogate (half a character) becomes U+FFFD, as the database stores it. */
export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

function wellFormedJson(value: JsonValue): JsonValue {
  if (typeof value === "string") return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [wellFormedText(key), wellFormedJson(v)]));
  }
  return value;
}

/**
 * The event with every text well formed. PostgreSQL refuses JSON holding an escaped lone surrogate
 * ("\ud800"), so an event quoting text posted by anyone (a team's new name, say) is made storable
 * before it is hashed; the text itself is stored with U+FFFD in its place anyway.
 */
export function wellFormedAuditInput(input: AuditEventInput): AuditEventInput {
  const text = (value: string | null) => (value === null ? null : wellFormedText(value));
  return {
    ...input,
    objectId: text(input.objectId),
    caseReference: text(input.caseReference),
    detail: wellFormedJson(input.detail) as AuditEventInput["detail"],
  };
}
