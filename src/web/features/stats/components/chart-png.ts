// A chart card as a PNG: the chart's SVG with its computed colours inlined (the page's CSS
// variables do not exist inside a standalone image), drawn on a canvas under the card's title,
// with the legend (HTML in Recharts) drawn from its items.

const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;
const SCALE = 2;
const PAD = 16;

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";");
  target.setAttribute("style", style);
  for (let i = 0; i < source.children.length; i++) {
    const s = source.children[i];
    const t = target.children[i];
    if (s && t) inlineStyles(s, t);
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("The chart could not be drawn as an image."));
    img.src = url;
  });
}

interface LegendItem {
  label: string;
  color: string;
}

function legendItems(card: HTMLElement): LegendItem[] {
  return [...card.querySelectorAll(".recharts-legend-item")].map((item) => {
    const shape = item.querySelector("path, line, rect");
    const cs = shape ? getComputedStyle(shape) : null;
    const color = cs && cs.stroke !== "none" ? cs.stroke : (cs?.fill ?? "gray");
    return { label: item.textContent?.trim() ?? "", color };
  });
}

/** Draws the card's chart, title first, into PNG bytes. */
export async function chartPng(card: HTMLElement, title: string, subtitle: string): Promise<Blob> {
  const svg = card.querySelector<SVGSVGElement>(".recharts-wrapper > svg");
  if (!svg) throw new Error("Show the chart (not the table) to export it as an image.");
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }));
  try {
    const img = await loadImage(url);
    const cardStyle = getComputedStyle(card);
    const legend = legendItems(card);
    const titleH = 44;
    const legendH = legend.length ? 24 : 0;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil((width + PAD * 2) * SCALE);
    canvas.height = Math.ceil((titleH + height + legendH + PAD * 2) * SCALE);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw images.");
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = cardStyle.backgroundColor;
    ctx.fillRect(0, 0, width + PAD * 2, titleH + height + legendH + PAD * 2);
    ctx.fillStyle = cardStyle.color;
    ctx.font = `600 14px ${cardStyle.fontFamily}`;
    ctx.fillText(title, PAD, PAD + 14);
    ctx.font = `12px ${cardStyle.fontFamily}`;
    ctx.globalAlpha = 0.7;
    ctx.fillText(subtitle, PAD, PAD + 32);
    ctx.globalAlpha = 1;
    ctx.drawImage(img, PAD, PAD + titleH, width, height);
    let x = PAD;
    const y = PAD + titleH + height + 16;
    for (const item of legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y - 9, 10, 10);
      ctx.fillStyle = cardStyle.color;
      ctx.fillText(item.label, x + 14, y);
      x += 14 + ctx.measureText(item.label).width + 16;
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The image could not be encoded."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
