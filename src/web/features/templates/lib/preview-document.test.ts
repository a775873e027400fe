import { describe, expect, it } from "vitest";
import { BLOCK_REMOTE_CSP } from "@/web/lib/email-html";
import { previewDocument, remoteImageCount } from "./preview-document";

/** The policy the browser would apply: a CSP meta counts only inside the parsed document's head. */
function parsed(html: string) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const meta = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return { policy: meta?.getAttribute("content") ?? null, mode: doc.compatMode, doc };
}

describe("previewDocument", () => {
  it("blocks everything remote, as the message preview does, with the policy in the head", () => {
    for (const html of [
      "<html><head><title>t</title></head><body><img src='https://t.example/p.gif'></body></html>",
      "<p>no head at all</p>",
      // A <header> is not the head.
      "<html><body><header>Brand</header></body></html>",
      '<html lang="en"><head><link rel="stylesheet" href="https://cdn.example/a.css"></head></html>',
    ]) {
      const { policy, doc } = parsed(previewDocument(html, false));
      expect(policy).toBe(BLOCK_REMOTE_CSP);
      expect(policy).toMatch(/^default-src 'none'; img-src data: cid:;/);
      expect(doc.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(1);
    }
    // The document's own <html> attributes survive the policy going first.
    expect(parsed(previewDocument('<html lang="en"><body>x</body></html>', false)).doc.documentElement.lang).toBe("en");
  });

  it("keeps a leading doctype first, so the preview renders in standards mode", () => {
    const out = previewDocument("<!DOCTYPE html><html><head></head><body><p>x</p></body></html>", false);
    expect(out.startsWith("<!DOCTYPE html><meta")).toBe(true);
    const { policy, mode } = parsed(out);
    expect(policy).toBe(BLOCK_REMOTE_CSP);
    expect(mode).toBe("CSS1Compat");
  });

  it("leaves the HTML alone once the user asks for images, and counts remote images", () => {
    expect(previewDocument("<p>x</p>", true)).toBe("<p>x</p>");
    expect(remoteImageCount('<img src="https://a/b.png"><img src="data:x"><IMG SRC=//c/d>')).toBe(2);
  });
});
