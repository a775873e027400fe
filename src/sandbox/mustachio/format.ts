/** Text for a value as .NET's ToString() gives it; objects, arrays and other types print nothing. */
export function formatValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "True" : "False";
    case "number":
      return formatNumber(value);
    case "bigint":
      return value.toString();
    default:
      return "";
  }
}

const INT64_LIMIT = 2 ** 63;

/**
 * JSON integers are Int32/Int64 in the engine and print in full; reals are doubles printed like
 * .NET Core 3+ (shortest round-trip digits, scientific notation past 15 digits or below 1E-04).
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  if (Number.isInteger(n) && Math.abs(n) < INT64_LIMIT) return BigInt(n).toString();

  const [mantissa = "0", exp = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exp);
  const scale = exponent + 1; // position of the decimal point relative to the digits
  const sign = n < 0 ? "-" : "";
  if (scale > Math.max(digits.length, 15) || scale < -3) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const expText = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${digits[0]}${fraction}E${exponent < 0 ? "-" : "+"}${expText}`;
  }
  if (scale <= 0) return `${sign}0.${"0".repeat(-scale)}${digits}`;
  if (scale >= digits.length) return `${sign}${digits}${"0".repeat(scale - digits.length)}`;
  return `${sign}${digits.slice(0, scale)}.${digits.slice(scale)}`;
}

/**
 * .NET WebUtility.HtmlEncode: the five specials, U+00A0..U+00FF and astral code points become
 * entities; a lone surrogate becomes U+FFFD; everything else passes through.
 */
export function htmlEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x3e) {
      const ch = text[i] as string;
      out +=
        ch === "<"
          ? "&lt;"
          : ch === ">"
            ? "&gt;"
            : ch === '"'
              ? "&quot;"
              : ch === "'"
                ? "&#39;"
                : ch === "&"
                  ? "&amp;"
                  : ch;
    } else if (code >= 0xa0 && code <= 0xff) {
      out += `&#${code};`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += `&#${(code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000};`;
        i++;
      } else out += "\ufffd";
    } else out += text[i];
  }
  return out;
}
