import { describe, expect, it } from "vitest";
import { parseCsv } from "@/contract/csv-parse";
import {
  checkMessages,
  byRow,
  failChunk,
  guessMapping,
  messagesFromJson,
  leftOutResults,
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
  it("checks address syntax in From, To, Cc, Bcc and Reply-To, naming the entry", () => {
    const [bad, named, over] = checkMessages([
      { From: "a@lumenapp.io", To: "x@example.com, not-an-address", Cc: "nope@", TextBody: "hi" },
      {
        From: "Lumen <a@lumenapp.io>",
        To: '"Lovelace, Ada" <ada@example.com>',
        ReplyTo: "r@example.com",
        TextBody: "hi",
      },
      {
        From: "a@lumenapp.io",
        To: Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(","),
        TextBody: "hi",
      },
    ]);
    expect(bad!.message).toBeUndefined();
    expect(bad!.to).toBe("x@example.com, not-an-address");
    expect(bad!.errors).toEqual([
      "To: 'not-an-address' is not an email address.",
      "Cc: 'nope@' is not an email address.",
    ]);
    expect(named!.message).toBeDefined();
    expect(over!.message).toBeUndefined();
    expect(over!.errors.join(" ")).toMatch(/51 recipients together/);
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
    { From: "a@x.io", To: "two@example.com", TextBody: "x" },
  ]);
  it("pairs Postmark's per-message answers with the rows, in order", () => {
    const r = pairResults(sent, [
      { To: "one@example.com", MessageID: "m-1", ErrorCode: 0, Message: "OK" },
      { ErrorCode: 406, Message: "You tried to send to recipient(s) that have been marked as inactive." },
    ]);
    expect(r).toEqual([
      { row: 1, to: "one@example.com", outcome: "accepted", messageId: "m-1", errorCode: 0, message: "OK" },
      {
        row: 2,
        to: "two@example.com",
        outcome: "refused",
        messageId: null,
        errorCode: 406,
        message: "You tried to send to recipient(s) that have been marked as inactive.",
      },
    ]);
    expect(pairResults(sent, [])[0]).toMatchObject({ errorCode: -1, outcome: "refused" });
    expect(failChunk(sent, 410, "Too many").map((x) => [x.row, x.outcome, x.errorCode])).toEqual([
      [1, "refused", 410],
      [2, "refused", 410],
    ]);
  });
  it("lists the rows the validation pass left out, with its reasons, in the file's order", () => {
    const checked = checkMessages([
      { From: "a@x.io", To: "one@example.com", TextBody: "x" },
      { From: "a@x.io", To: "not-an-address", TextBody: "x" },
      { From: "a@x.io", TextBody: "x" },
    ]);
    const left = leftOutResults(checked);
    expect(left).toEqual([
      {
        row: 2,
        to: "not-an-address",
        outcome: "left out",
        messageId: null,
        errorCode: null,
        message: "To: 'not-an-address' is not an email address.",
      },
      { row: 3, to: "", outcome: "left out", messageId: null, errorCode: null, message: "To: missing." },
    ]);
    const sentRows = pairResults(
      checked.filter((c) => c.message),
      [{ To: "one@example.com", MessageID: "m-1", ErrorCode: 0, Message: "OK" }],
    );
    expect(byRow([...left, ...sentRows]).map((x) => [x.row, x.outcome])).toEqual([
      [1, "accepted"],
      [2, "left out"],
      [3, "left out"],
    ]);
  });
  it("downloads as CSV with a header row, left-out rows included", () => {
    const csv = resultsCsv([
      { row: 1, to: "ada@example.com", outcome: "accepted", messageId: "m-1", errorCode: 0, message: "OK" },
      { row: 2, to: "bad", outcome: "left out", messageId: null, errorCode: null, message: "To: 'bad', really" },
    ]);
    expect(parseCsv(csv).rows).toEqual([
      ["Row", "To", "Outcome", "MessageID", "ErrorCode", "Message"],
      ["1", "ada@example.com", "accepted", "m-1", "0", "OK"],
      ["2", "bad", "left out", "", "", "To: 'bad', really"],
    ]);
  });
});
