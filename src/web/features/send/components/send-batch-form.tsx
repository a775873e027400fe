import { useQueryClient } from "@tanstack/react-query";
import { FileUp, Send } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { parseCsvRecords } from "@/contract/csv-parse";
import { emailSendBatch } from "@/contract/postmark/send";
import { FormField } from "@/web/components/form-field";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Textarea } from "@/web/components/ui/textarea";
import { isApiError } from "@/web/lib/api-error";
import { callPostmark, invalidateAfter } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import {
  batchTargets,
  byRow,
  checkMessages,
  failChunk,
  guessMapping,
  leftOutResults,
  messagesFromJson,
  pairResults,
  recordToMessage,
  targetLabels,
  type BatchDefaults,
  type BatchResult,
  type BatchTarget,
  type RowResult,
} from "../batch-shape";
import { chunk, MAX_BATCH_MESSAGES } from "../send-limits";
import { SendBatchResults } from "./send-batch-results";
import { SendStreamSelect } from "./send-stream-select";

type Loaded =
  | { name: string; kind: "csv"; headers: string[]; records: string[][] }
  | { name: string; kind: "json"; messages: unknown[] };

const emptyDefaults: BatchDefaults = {
  From: "",
  Subject: "",
  HtmlBody: "",
  TextBody: "",
  MessageStream: "outbound",
  Tag: "",
};
const PREVIEW_ROWS = 5;

/** Many separate messages from a CSV (one row per message) or a JSON file, sent 500 at a time. */
export function SendBatchForm({ disabled }: { disabled: boolean }) {
  const serverId = selectedServer.use();
  const qc = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [defaults, setDefaults] = useState<BatchDefaults>(emptyDefaults);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [mapping, setMapping] = useState<BatchTarget[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [results, setResults] = useState<RowResult[] | undefined>();

  const candidates = useMemo(() => {
    if (!loaded) return [];
    if (loaded.kind === "json")
      return loaded.messages.map((m) =>
        typeof m === "object" && m !== null && !Array.isArray(m)
          ? { ...recordToMessage([], [], [], defaults), ...m }
          : m,
      );
    return loaded.records.map((r) => recordToMessage(loaded.headers, mapping, r, defaults));
  }, [loaded, mapping, defaults]);
  const checked = useMemo(() => checkMessages(candidates), [candidates]);
  const valid = checked.filter((c) => c.message);
  const invalid = checked.filter((c) => !c.message);
  const chunks = Math.ceil(valid.length / MAX_BATCH_MESSAGES);
  const sending = progress !== undefined && progress.done < progress.total;

  const load = async (file: File | undefined) => {
    if (!file) return;
    setResults(undefined);
    const text = await file.text();
    if (/\.json$/i.test(file.name) || file.type === "application/json") {
      const r = messagesFromJson(text);
      setFileErrors(r.error ? [r.error] : []);
      setLoaded(r.messages ? { name: file.name, kind: "json", messages: r.messages } : undefined);
    } else {
      const r = parseCsvRecords(text);
      setFileErrors(r.errors);
      setLoaded(
        r.headers.length ? { name: file.name, kind: "csv", headers: r.headers, records: r.records } : undefined,
      );
      setMapping(guessMapping(r.headers));
    }
    if (fileInput.current) fileInput.current.value = "";
  };

  const send = async () => {
    const parts = chunk(valid, MAX_BATCH_MESSAGES);
    // Rows the validation pass left out are listed with their reasons, so the results cover the whole file.
    const out: RowResult[] = leftOutResults(checked);
    setProgress({ done: 0, total: parts.length });
    // One chunk at a time, in order: Postmark answers each message of a chunk in the order sent.
    for (const [i, part] of parts.entries()) {
      try {
        const answers = await callPostmark<BatchResult[]>(
          emailSendBatch,
          { body: part.map((c) => c.message) },
          serverId,
        );
        out.push(...pairResults(part, answers));
      } catch (e) {
        out.push(
          ...failChunk(part, isApiError(e) ? (e.postmarkCode ?? -1) : -1, e instanceof Error ? e.message : String(e)),
        );
      }
      setProgress({ done: i + 1, total: parts.length });
      setResults(byRow(out));
    }
    await invalidateAfter(emailSendBatch, qc);
  };

  const setDefault = (k: keyof BatchDefaults, v: string) => setDefaults((d) => ({ ...d, [k]: v }));
  return (
    <div className="flex flex-col gap-5" aria-label="Send a batch">
      <fieldset disabled={disabled || sending} className="flex min-w-0 flex-col gap-4">
        <p className="text-sm text-muted-foreground">
          Upload a CSV file with one row per message (a header row names the columns), or a JSON file with Postmark's
          batch messages. Values below fill in what the file leaves out.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="batch-From" label="From" hint="For rows without their own From column.">
            <Input
              id="batch-From"
              value={defaults.From}
              onChange={(e) => setDefault("From", e.target.value)}
              placeholder="Lumen <hello@lumen.example>"
            />
          </FormField>
          <FormField id="batch-Subject" label="Subject">
            <Input
              id="batch-Subject"
              value={defaults.Subject}
              onChange={(e) => setDefault("Subject", e.target.value)}
            />
          </FormField>
          <FormField id="batch-MessageStream" label="Message stream">
            <SendStreamSelect
              id="batch-MessageStream"
              value={defaults.MessageStream}
              onChange={(v) => setDefault("MessageStream", v)}
            />
          </FormField>
          <FormField id="batch-Tag" label="Tag">
            <Input id="batch-Tag" value={defaults.Tag} onChange={(e) => setDefault("Tag", e.target.value)} />
          </FormField>
          <FormField id="batch-TextBody" label="Text body">
            <Textarea
              id="batch-TextBody"
              rows={3}
              value={defaults.TextBody}
              onChange={(e) => setDefault("TextBody", e.target.value)}
            />
          </FormField>
          <FormField id="batch-HtmlBody" label="HTML body">
            <Textarea
              id="batch-HtmlBody"
              rows={3}
              className="font-mono text-xs"
              value={defaults.HtmlBody}
              onChange={(e) => setDefault("HtmlBody", e.target.value)}
            />
          </FormField>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="outline" onClick={() => fileInput.current?.click()}>
            <FileUp aria-hidden />
            Upload CSV or JSON
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="sr-only"
            aria-label="Batch file"
            onChange={(e) => void load(e.target.files?.[0])}
          />
          {loaded && (
            <span className="text-sm text-muted-foreground" data-testid="batch-file">
              {loaded.name}: {checked.length} messages
            </span>
          )}
        </div>
        {fileErrors.length > 0 && (
          <ul role="alert" className="list-inside list-disc text-sm text-destructive" data-testid="batch-file-errors">
            {fileErrors.slice(0, 10).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {loaded?.kind === "csv" && (
          <fieldset className="flex min-w-0 flex-col gap-2 rounded-lg border p-3" data-testid="batch-mapping">
            <legend className="px-1 text-sm font-semibold">Columns</legend>
            {loaded.headers.map((h, i) => (
              <div
                key={`${h}-${i}`}
                className="grid min-w-0 grid-cols-1 items-center gap-1 sm:grid-cols-[1fr_1fr_14rem] sm:gap-3"
              >
                <span className="truncate text-sm font-medium">{h || `(column ${i + 1})`}</span>
                <span className="truncate text-xs text-muted-foreground">{loaded.records[0]?.[i] ?? ""}</span>
                <Select
                  value={mapping[i] ?? "ignore"}
                  onValueChange={(v) =>
                    setMapping((m) => m.map((t, j) => (j === i ? (batchTargets.find((x) => x === v) ?? "ignore") : t)))
                  }
                >
                  <SelectTrigger aria-label={`Column ${h || i + 1} goes to`}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {batchTargets.map((t) => (
                      <SelectItem key={t} value={t}>
                        {targetLabels[t]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
            ))}
          </fieldset>
        )}
        {checked.length > 0 && (
          <section className="flex min-w-0 flex-col gap-2" aria-label="Validation" data-testid="batch-validation">
            <p className="text-sm">
              <Badge variant="outline" className="mr-2">
                {valid.length} ready
              </Badge>
              {invalid.length > 0 && <Badge variant="destructive">{invalid.length} with problems</Badge>}
            </p>
            <ul className="flex flex-col gap-1 text-sm" data-testid="batch-preview">
              {checked.slice(0, PREVIEW_ROWS).map((c) => (
                <li key={c.row} className="flex min-w-0 flex-wrap gap-x-2" data-testid="batch-preview-row">
                  <span className="tabular-nums text-muted-foreground">#{c.row}</span>
                  <span className="min-w-0 truncate">
                    {c.message ? `${c.message.To} · ${c.message.Subject ?? "(no subject)"}` : c.to}
                  </span>
                  {!c.message && <span className="text-destructive">{c.errors.join(" ")}</span>}
                </li>
              ))}
            </ul>
            {invalid.length > 0 && (
              <details className="text-sm" data-testid="batch-invalid">
                <summary className="cursor-pointer text-destructive">Rows left out ({invalid.length})</summary>
                <ul className="mt-1 flex flex-col gap-1">
                  {invalid.slice(0, 100).map((c) => (
                    <li key={c.row}>
                      Row {c.row}: {c.errors.join(" ")}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void send()} disabled={disabled || sending || valid.length === 0}>
          <Send aria-hidden />
          {sending
            ? `Sending batch ${progress.done + 1} of ${progress.total}…`
            : `Send ${valid.length} message${valid.length === 1 ? "" : "s"}${chunks > 1 ? ` in ${chunks} batches` : ""}`}
        </Button>
        {invalid.length > 0 && valid.length > 0 && (
          <p className="text-sm text-muted-foreground">
            {invalid.length} row{invalid.length === 1 ? "" : "s"} with problems will be left out (listed in the
            results).
          </p>
        )}
      </div>
      {results && <SendBatchResults results={results} />}
    </div>
  );
}
