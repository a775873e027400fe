/**
 * The HTML shown in the preview frame. Without images, a Content-Security-Policy inside the
 * document refuses every image that is not inline data, so opening a preview tells no tracker.
 */
export function previewDocument(html: string, images: boolean): string {
  if (images) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="img-src data:">`;
  // <head> itself, not <header>: a policy outside the head is ignored.
  const head = /<head(\s[^>]*)?>/i;
  if (head.test(html)) return html.replace(head, (m) => `${m}${meta}`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return `${doctype[0]}${meta}${html.slice(doctype[0].length)}`;
  return `${meta}${html}`;
}

/** Remote images in the rendered HTML, to say how many the preview holds back. */
export function remoteImageCount(html: string): number {
  return (html.match(/<img\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//gi) ?? []).length;
}
