import { describe, expect, it } from "vitest";
import { formFields } from "./form-fields";

describe("formFields", () => {
  it("keeps single values as strings and repeats as arrays", () => {
    const data = new FormData();
    data.append("email", "a@b.gov.uk");
    data.append("principles", "necessary");
    data.append("principles", "secure");
    expect(formFields(data)).toEqual({ email: "a@b.gov.uk", principles: ["necessary", "secure"] });
  });
  it("drops React's server action fields", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("$ACTION_REF_1", "");
    data.append("name", "x");
    expect(formFields(data)).toEqual({ name: "x" });
  });
  it("turns uploaded files into empty strings rather than passing them on", () => {
    const data = new FormData();
    data.append("file", new Blob(["x"]), "x.txt");
    expect(formFields(data)).toEqual({ file: "" });
  });
  it("removes control characters (PostgreSQL refuses a NUL) but keeps tabs and line breaks", () => {
    const data = new FormData();
    data.append("comment", "first\u0000 line\r\nsecond\tline\u0007");
    expect(formFields(data)).toEqual({ comment: "first line\r\nsecond\tline" });
  });
});
