import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CSV_LINE_END, UTF8_BOM, Utf8ChunkBuilder, csvCell, csvDocument, csvRow } from "./encode-csv";

/** A strict RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      if (i < text.length && text[i] !== "," && !text.startsWith(CSV_LINE_END, i))
        throw new Error(`junk after quoted field at ${i}`);
    } else {
      while (i < text.length && text[i] !== "," && !text.startsWith(CSV_LINE_END, i)) {
        if (text[i] === '"' || text[i] === "\r" || text[i] === "\n")
          throw new Error(`bare ${JSON.stringify(text[i])} in unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    if (text[i] === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else {
      record.push(field);
      records.push(record);
      field = "";
      record = [];
      i += CSV_LINE_END.length;
    }
  }
  return records;
}

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["with, comma", '"with, comma"'],
    ['say "hello"', '"say ""hello"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\r\nreturn", '"carriage\r\nreturn"'],
    ["Zoë Ō'Brien — 🧒 حماية", "Zoë Ō'Brien — 🧒 حماية"],
    ["trailing space ", "trailing space "],
  ])("%j -> %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2", "'-2"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", '"\'\r=cmd"'],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("neutralises the formula %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves formula characters alone when they are not first", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("DEC-7K4Q-M2XD")).toBe("DEC-7K4Q-M2XD");
    expect(csvCell(" =1")).toBe(" =1");
  });

  it("writes null and undefined as empty cells, and numbers and booleans as text", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-1)).toBe("'-1");
    expect(csvCell(true)).toBe("true");
  });
});

describe("csvRow and csvDocument", () => {
  it("ends each record with CRLF and separates with commas", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });

  it("starts a document with a UTF-8 byte order mark and the header", () => {
    const text = csvDocument(
      ["x", "y"],
      [
        ["1", "2"],
        ["=3", "é"],
      ],
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe("x,y\r\n1,2\r\n'=3,é\r\n");
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("reads back exactly as written, for any text (apart from the formula apostrophe)", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.constantFrom('"', ",", "\r\n", "\n", "\r", "=", "@", '""', ",,"),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
        const parsed = parseCsv(table.map((row) => csvRow(row)).join(""));
        const expected = table.map((row) => row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Utf8ChunkBuilder", () => {
  it("encodes what is appended as UTF-8, growing as needed", () => {
    const builder = new Utf8ChunkBuilder(4);
    const pieces = ["a,b\r\n", "Zoë 🧒 حماية\r\n", "x".repeat(1000), "€"];
    for (const piece of pieces) builder.append(piece);
    const bytes = builder.take();
    expect(bytes).toEqual(new TextEncoder().encode(pieces.join("")));
    expect(builder.byteLength).toBe(bytes.byteLength);
    expect(new TextDecoder().decode(bytes)).toBe(pieces.join(""));
  });

  it("gives an empty chunk when nothing was appended", () => {
    expect(new Utf8ChunkBuilder().take().byteLength).toBe(0);
  });

  it("matches TextEncoder piece by piece for any text, including lone surrogates (as U+FFFD)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary" }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 64 }),
        (pieces, capacity) => {
          const builder = new Utf8ChunkBuilder(capacity);
          for (const piece of pieces) builder.append(piece);
          const encoded = pieces.map((piece) => new TextEncoder().encode(piece));
          const expected = new Uint8Array(encoded.reduce((sum, bytes) => sum + bytes.byteLength, 0));
          encoded.reduce((at, bytes) => (expected.set(bytes, at), at + bytes.byteLength), 0);
          expect(builder.take()).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
