import { describe, expect, it } from "vitest";
import { hasRemoteContent, withoutRemoteContent } from "./email-html";

describe("email preview without remote content", () => {
  it("puts the blocking policy first, so it lands in the head before any image", () => {
    const out = withoutRemoteContent(
      '<html><head><title>x</title></head><body><img src="https://t.example/p.gif"></body></html>',
    );
    expect(
      out.startsWith('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data: cid:'),
    ).toBe(true);
    const doc = new DOMParser().parseFromString(out, "text/html");
    expect(doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull();
  });
  it("notices remote images and backgrounds, not inline ones", () => {
    expect(hasRemoteContent('<img src="https://t.example/p.gif">')).toBe(true);
    expect(hasRemoteContent("<td style=\"background:url('//cdn.example/bg.png')\">")).toBe(true);
    expect(hasRemoteContent('<img src="data:image/png;base64,AAAA">')).toBe(false);
  });
});
