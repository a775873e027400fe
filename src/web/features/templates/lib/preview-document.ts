import { withoutRemoteContent } from "@/web/lib/email-html";

/**
 * The HTML shown in the preview frame. Without images it carries the message preview's policy
 * (`default-src 'none'; img-src data: cid:`…), so opening a preview fetches nothing remote: no
 * tracker, remote stylesheet or font. A leading doctype stays first, so the page keeps standards mode.
 */
export function previewDocument(html: string, images: boolean): string {
  if (images) return html;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (!doctype) return withoutRemoteContent(html);
  return `${doctype[0]}${withoutRemoteContent(html.slice(doctype[0].length))}`;
}

/** Remote images in the rendered HTML, to say how many the preview holds back. */
export function remoteImageCount(html: string): number {
  return (html.match(/<img\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//gi) ?? []).length;
}
