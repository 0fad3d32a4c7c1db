// Property tests of every wizard step's input schema, through parseStep as the server uses it:
// whatever a form post carries, the answer is a value to store or GOV.UK-style errors (one clear
// message per field), never an exception, and nothing unexpected is ever accepted.
import fc from "fast-check";
import { ORGANISATION_KINDS } from "../lawful-basis";
import { describe, expect, it } from "vitest";
import {
  SCRIPT_PAYLOAD,
  hostileFormInput,
  hostileKey,
  hostileString,
  hostileValue,
  isClearMessage,
} from "../../../tests/property/hostile";
import {
  ANSWER_STEP_IDS,
  FORM_ERROR_FIELD,
  STEPS,
  TEXTAREA_MAX_LENGTH,
  type AnswerStepId,
  collectFormInput,
  parseAnswers,
  parseStep,
} from "./index";
import { VALID, consentGivenShareAnswers } from "./test-fixtures";

const RUNS = 60;
const stepId = fc.constantFrom(...ANSWER_STEP_IDS);
const fieldsOf = (id: AnswerStepId) => STEPS[id].fields.map((field) => field.name);

/** The step's own field names, plus the GOV.UK date parts of its date fields. */
function postedNames(id: AnswerStepId): string[] {
  return STEPS[id].fields.flatMap((field) =>
    field.kind === "date" ? [`${field.name}-day`, `${field.name}-month`, `${field.name}-year`] : [field.name],
  );
}

function expectWellFormed(id: AnswerStepId, result: ReturnType<typeof parseStep>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  const known = new Set([FORM_ERROR_FIELD, ...fieldsOf(id)]);
  for (const error of result.errors) {
    expect(known.has(error.field), `unknown field ${error.field}`).toBe(true);
    expect(isClearMessage(error.message), `unclear message ${JSON.stringify(error.message)}`).toBe(true);
    // Messages are the app's own words: never the posted value.
    expect(error.message).not.toContain(SCRIPT_PAYLOAD);
  }
  // One message per field.
  expect(new Set(result.errors.map((e) => e.field)).size).toBe(result.errors.length);
}

describe("parseStep with hostile input", () => {
  it("never throws, whatever the step and whatever is posted", () => {
    fc.assert(
      fc.property(fc.oneof(stepId, hostileString), fc.anything({ maxDepth: 3 }), (id, input) => {
        const result = parseStep(id, input);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("answers every step's own fields with a value or clear, per-field errors", () => {
    fc.assert(
      fc.property(
        stepId.chain((id) => fc.tuple(fc.constant(id), hostileFormInput(fieldsOf(id)))),
        ([id, input]) => expectWellFormed(id, parseStep(id, input)),
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it("refuses any field a step does not have, even beside a valid answer", () => {
    fc.assert(
      fc.property(stepId, hostileKey, hostileValue, (id, key, value) => {
        fc.pre(!fieldsOf(id).includes(key));
        const input = Object.defineProperty({ ...(VALID[id] as object) }, key, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        const result = parseStep(id, input);
        expect(result.ok).toBe(false);
        expectWellFormed(id, result);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("refuses text longer than a field allows, naming that field", () => {
    const textFields = ANSWER_STEP_IDS.flatMap((id) =>
      STEPS[id].fields
        .filter((field) => field.kind === "text" || field.kind === "textarea")
        .map((field) => [id, field.name] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...textFields),
        fc.integer({ min: TEXTAREA_MAX_LENGTH + 1, max: 200_000 }),
        ([id, name], length) => {
          const result = parseStep(id, { ...(VALID[id] as object), [name]: "a".repeat(length) });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(name);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("stores a parsed answer that parses again to itself", () => {
    fc.assert(
      fc.property(
        stepId.chain((id) => fc.tuple(fc.constant(id), hostileFormInput(fieldsOf(id)))),
        ([id, input]) => {
          const first = parseStep(id, input);
          if (!first.ok) return;
          expect(parseStep(id, first.value)).toEqual(first);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    for (const id of ANSWER_STEP_IDS) {
      const first = parseStep(id, VALID[id]);
      expect(first.ok, id).toBe(true);
      if (first.ok) expect(parseStep(id, first.value)).toEqual(first);
    }
  });

  it("with the draft as context, still never throws and never lets a step be skipped", () => {
    const answers = consentGivenShareAnswers();
    fc.assert(
      fc.property(
        stepId,
        fc.subarray([...ANSWER_STEP_IDS]),
        fc.constantFrom(...ORGANISATION_KINDS) as fc.Arbitrary<"SCHOOL">,
        fc.oneof(fc.constant("2025-03-27"), hostileString),
        (id, kept, organisationKind, today) => {
          const partial = Object.fromEntries(
            Object.entries(answers).filter(([key]) => kept.includes(key as AnswerStepId)),
          );
          const result = parseStep(id, VALID[id], { answers: partial, organisationKind, today });
          expectWellFormed(id, result);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("collectFormInput and parseAnswers with hostile input", () => {
  it("turn any posted entries into input parseStep can judge, without throwing", () => {
    fc.assert(
      fc.property(
        stepId.chain((id) =>
          fc.tuple(
            fc.constant(id),
            fc.array(
              fc.tuple(
                fc.oneof(fc.constantFrom(...postedNames(id)), hostileKey),
                fc.oneof(hostileString, hostileValue),
              ),
              { maxLength: 12 },
            ),
          ),
        ),
        ([id, entries]) => {
          const input = collectFormInput(id, entries);
          expect(typeof input).toBe("object");
          expectWellFormed(id, parseStep(id, input));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it("re-validate anything read back from storage without throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ maxDepth: 3 }),
          fc.dictionary(
            fc.oneof(stepId, hostileKey),
            fc.oneof(hostileValue, fc.constantFrom(...Object.values(VALID))),
            { maxKeys: 6 },
          ),
        ),
        (stored) => {
          const result = parseAnswers(stored);
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});
