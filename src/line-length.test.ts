// Issue 9: no line over 120 characters outside generated code. ESLint's max-len covers TypeScript and
// JavaScript; this covers every other file we write (shell, CSS, the Prisma schema, SQL, YAML). Prose
// (Markdown, where a table row is one line) and data (JSON) are left out, as is generated code: the Prisma
// client and the migrations, whose SQL Prisma writes and which never change once applied.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const MAX = 120;
const LEFT_OUT = [
  /^src\/generated\//,
  /^prisma\/migrations\//,
  /\.(md|json)$/,
  /(^|\/)package-lock\.json$/,
  /\.(png|ico|woff2?|pdf)$/,
];

describe("line length", () => {
  it(`no tracked file we write has a line over ${MAX} characters`, () => {
    const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" })
      .split("\0")
      .filter((file) => file && !LEFT_OUT.some((pattern) => pattern.test(file)));
    expect(files.length).toBeGreaterThan(100);
    const tooLong: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // removed in the working tree but still in the index
      }
      if (text.includes("\0")) continue; // binary
      text.split("\n").forEach((line, index) => {
        // Characters, not UTF-16 units or bytes: "’" counts once, as an editor and Prettier count it.
        const length = [...line.replace(/\r$/, "")].length;
        if (length > MAX) tooLong.push(`${file}:${index + 1} (${length})`);
      });
    }
    expect(tooLong).toEqual([]);
  });
});
