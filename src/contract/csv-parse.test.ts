import { describe, expect, it } from "vitest";
import { csvRow } from "./csv";
import { parseCsv, parseCsvRecords } from "./csv-parse";

describe("parseCsv", () => {
  it("reads plain records with CRLF or LF and no empty record after the last line break", () => {
    expect(parseCsv("a,b\r\n1,2\r\n").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\n1,2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("keeps empty fields", () => {
    expect(parseCsv("a,,c\n,,\n").rows).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const r = parseCsv('name,note\r\n"Lovelace, Ada","said ""hi""\r\nthen left"\r\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      ["name", "note"],
      ["Lovelace, Ada", 'said "hi"\r\nthen left'],
    ]);
  });
  it("reads an empty quoted field and a quote inside an unquoted field as text", () => {
    expect(parseCsv('"",x\n').rows).toEqual([["", "x"]]);
    expect(parseCsv('5" disk,y').rows).toEqual([['5" disk', "y"]]);
  });
  it("drops a byte-order mark", () => {
    expect(parseCsv("\ufeffTo\nada@example.com").rows[0]).toEqual(["To"]);
  });
  it("reports an unclosed quote and text after a closing quote, with the line", () => {
    expect(parseCsv('a\n"open,b\n').errors).toEqual(["Line 2: a quoted field is never closed."]);
    expect(parseCsv('"a"b,c').errors).toEqual(["Line 1: text after a closing quote."]);
  });
  it("reads back what the writer writes", () => {
    const values = ["plain", "with, comma", 'with "quote"', "multi\nline", ""];
    expect(parseCsv(csvRow(values)).rows).toEqual([values]);
  });
});

describe("parseCsvRecords", () => {
  it("splits the header from the records and skips blank lines", () => {
    expect(parseCsvRecords(" To ,Subject\n\nada@example.com,Hi\n")).toEqual({
      headers: ["To", "Subject"],
      records: [["ada@example.com", "Hi"]],
      errors: [],
    });
  });
  it("reports records of the wrong width, repeated columns and an empty file", () => {
    expect(parseCsvRecords("To,To\nx").errors).toEqual([
      'The column "To" appears twice.',
      "Record 1 has 1 fields; the header has 2.",
    ]);
    expect(parseCsvRecords("").errors).toEqual(["The file is empty."]);
  });
});
