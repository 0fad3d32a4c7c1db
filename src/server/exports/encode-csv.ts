// CSV as RFC 4180 describes it (CRLF line ends, a field quoted when it holds a quote, comma, CR
// or LF, quotes doubled), plus protection against spreadsheet formula injection: a cell that a
// spreadsheet would read as a formula (starting with = + - @, a tab or a CR) gets a leading
// apostrophe, as OWASP recommends, so it opens as text. That changes such values by one
// character; the export is for people reading it in a spreadsheet, and the database keeps the
// original.

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_LINE_END = "\r\n";
/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark; other readers skip it. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) line += ",";
    line += csvCell(values[i]);
  }
  return line + CSV_LINE_END;
}

/** A whole small document (header first), for downloads built in memory. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let text = UTF8_BOM + csvRow(header);
  for (const row of rows) text += csvRow(row);
  return text;
}

/**
 * Text appended piece by piece as UTF-8 into one growing buffer, handed over as one chunk: a
 * batch of CSV lines becomes bytes without a string the size of the batch ever being built (V8
 * puts strings over 128 KB in its large-object space, freed only by a full collection), and the
 * bytes live outside V8's heap.
 */
export class Utf8ChunkBuilder {
  private static readonly encoder = new TextEncoder();
  private bytes: Uint8Array;
  private used = 0;

  constructor(initialCapacity = 64 * 1024) {
    this.bytes = new Uint8Array(Math.max(16, initialCapacity));
  }

  append(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit: grow first, so encodeInto never stops short.
    const worstCase = text.length * 3;
    if (this.bytes.length - this.used < worstCase) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + worstCase));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += Utf8ChunkBuilder.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
  }

  get byteLength(): number {
    return this.used;
  }

  /** The bytes appended so far, without copying; append nothing more afterwards. */
  take(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }
}
