// A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks; records
// end with CRLF or LF. Used for uploaded batch files; the writer is csv.ts.

export interface CsvParseResult {
  rows: string[][];
  /** Problems that make the file unreadable as CSV (with the 1-based line where they start). */
  errors: string[];
}

export function parseCsv(text: string, delimiter = ","): CsvParseResult {
  const rows: string[][] = [];
  const errors: string[] = [];
  // A byte-order mark is not part of the first header.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let quoteLine = 1;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = src[i + 1];
          if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
            errors.push(`Line ${line}: text after a closing quote.`);
          }
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted && field === "") {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      endField();
    } else if (c === "\r" && src[i + 1] === "\n") {
      endRow();
      i++;
      line++;
    } else if (c === "\n" || c === "\r") {
      endRow();
      line++;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) errors.push(`Line ${quoteLine}: a quoted field is never closed.`);
  // A final line break does not start an empty record.
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return { rows, errors };
}

/** Header row plus records as objects keyed by header; blank lines are skipped. */
export function parseCsvRecords(text: string): { headers: string[]; records: string[][]; errors: string[] } {
  const { rows, errors } = parseCsv(text);
  const nonBlank = rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
  const [headerRow, ...records] = nonBlank;
  const headers = (headerRow ?? []).map((h) => h.trim());
  const out = [...errors];
  if (!headerRow) out.push("The file is empty.");
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h)) out.push(`The column "${h}" appears twice.`);
    seen.add(h);
  }
  records.forEach((r, i) => {
    if (r.length !== headers.length)
      out.push(`Record ${i + 1} has ${r.length} fields; the header has ${headers.length}.`);
  });
  return { headers, records, errors: out };
}
