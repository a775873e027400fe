import { describe, expect, it } from "vitest";
import { parseCsv } from "@/contract/csv-parse";
import {
  checkMessages,
  failChunk,
  guessMapping,
  messagesFromJson,
  pairResults,
  recordToMessage,
  resultsCsv,
  type BatchDefaults,
} from "./batch-shape";

const defaults: BatchDefaults = {
  From: "hello@lumenapp.io",
  Subject: "Spring news",
  HtmlBody: "",
  TextBody: "Hello",
  MessageStream: "outbound",
  Tag: "",
};

describe("mapping CSV columns", () => {
  it("guesses known columns and keeps the rest as metadata", () => {
    expect(guessMapping(["Email", "subject", "Order id", "", "email"])).toEqual([
      "To",
      "Subject",
      "Metadata",
      "ignore",
      "Metadata",
    ]);
  });
  it("builds a message from mapped columns over the defaults", () => {
    const headers = ["email", "Subject", "order"];
    const m = recordToMessage(headers, ["To", "Subject", "Metadata"], [" ada@example.com ", "", "42"], defaults);
    expect(m).toEqual({
      From: "hello@lumenapp.io",
      Subject: "Spring news",
      TextBody: "Hello",
      MessageStream: "outbound",
      To: "ada@example.com",
      Metadata: { order: "42" },
    });
    const over = recordToMessage(headers, ["To", "Subject", "ignore"], ["b@example.com", "Own subject", "x"], defaults);
    expect(over.Subject).toBe("Own subject");
    expect(over.Metadata).toBeUndefined();
  });
});

describe("the validation pass", () => {
  it("accepts good rows and names what is wrong with the others, by row", () => {
    const checked = checkMessages([
      { From: "a@lumenapp.io", To: "x@example.com", TextBody: "hi" },
      { From: "a@lumenapp.io", To: "", TextBody: "hi" },
      { From: "a@lumenapp.io", To: "y@example.com" },
      { From: "a@lumenapp.io", To: "z@example.com", TextBody: "hi", Metadata: { [`${"k".repeat(21)}`]: "v" } },
      "not an object",
    ]);
    expect(checked.map((c) => [c.row, !!c.message])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(checked[1]!.errors).toEqual(["To: missing."]);
    expect(checked[2]!.errors[0]).toMatch(/^Body/);
    expect(checked[3]!.errors[0]).toMatch(/^Metadata/);
    // A CSV row with an empty To column has no To at all: still said in words, not as a schema error.
    expect(checkMessages([{ From: "a@lumenapp.io", TextBody: "hi" }])[0]!.errors).toEqual(["To: missing."]);
  });
  it("reads a JSON batch body or a Messages object, and refuses anything else", () => {
    expect(messagesFromJson('[{"To":"a"}]').messages).toHaveLength(1);
    expect(messagesFromJson('{"Messages":[{"To":"a"},{"To":"b"}]}').messages).toHaveLength(2);
    expect(messagesFromJson('{"To":"a"}').error).toMatch(/array/);
    expect(messagesFromJson("[]").error).toMatch(/no messages/);
    expect(messagesFromJson("{").error).toMatch(/Not valid JSON/);
  });
});

describe("results", () => {
  const sent = checkMessages([
    { From: "a@x.io", To: "one@example.com", TextBody: "x" },
    { From: "a@x.io", To: "bad", TextBody: "x" },
  ]);
  it("pairs Postmark's per-message answers with the rows, in order", () => {
    const r = pairResults(sent, [
      { To: "one@example.com", MessageID: "m-1", ErrorCode: 0, Message: "OK" },
      { ErrorCode: 300, Message: "Invalid 'To' address: 'bad'." },
    ]);
    expect(r).toEqual([
      { row: 1, to: "one@example.com", messageId: "m-1", errorCode: 0, message: "OK" },
      { row: 2, to: "bad", messageId: null, errorCode: 300, message: "Invalid 'To' address: 'bad'." },
    ]);
    expect(pairResults(sent, [])[0]!.errorCode).toBe(-1);
    expect(failChunk(sent, 410, "Too many")).toHaveLength(2);
  });
  it("downloads as CSV with a header row", () => {
    const csv = resultsCsv([{ row: 2, to: "bad", messageId: null, errorCode: 300, message: "Invalid 'To', really" }]);
    expect(parseCsv(csv).rows).toEqual([
      ["Row", "To", "MessageID", "ErrorCode", "Message"],
      ["2", "bad", "", "300", "Invalid 'To', really"],
    ]);
  });
});
