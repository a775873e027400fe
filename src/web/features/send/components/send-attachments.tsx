import { Paperclip, TriangleAlert, X } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/web/components/ui/button";
import type { AttachmentFile } from "../send-form";
import { base64Size, formatBytes, isForbiddenAttachment, MAX_MESSAGE_BYTES } from "../send-limits";

/** Reads a file as base64 (without the data: prefix), which is what Postmark's `Content` holds. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** File picker with each file's size and the running encoded total against Postmark's 10 MB. */
export function SendAttachments({
  id,
  files,
  onChange,
  error,
  disabled,
}: {
  id: string;
  files: readonly AttachmentFile[];
  onChange: (files: AttachmentFile[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [readError, setReadError] = useState<string | undefined>();
  const total = files.reduce((n, f) => n + base64Size(f.size), 0);
  const over = total > MAX_MESSAGE_BYTES;
  const pick = async (list: FileList | null) => {
    if (!list) return;
    try {
      const read = await Promise.all(
        [...list].map(async (f) => ({
          Name: f.name,
          ContentType: f.type || "application/octet-stream",
          Content: await readBase64(f),
          size: f.size,
        })),
      );
      setReadError(undefined);
      onChange([...files, ...read]);
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
    if (input.current) input.current.value = "";
  };
  return (
    <div className="flex min-w-0 flex-col gap-2" data-testid={`${id}-attachments`}>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()} disabled={disabled}>
          <Paperclip aria-hidden />
          Attach files
        </Button>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          className="sr-only"
          aria-label="Attach files"
          onChange={(e) => void pick(e.target.files)}
          disabled={disabled}
        />
        <span
          className={over ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}
          data-testid={`${id}-total`}
        >
          {files.length === 0
            ? "No attachments"
            : `${formatBytes(total)} encoded of ${formatBytes(MAX_MESSAGE_BYTES)} per message`}
        </span>
      </div>
      {files.length > 0 && (
        <ul className="flex flex-col divide-y rounded-md border text-sm">
          {files.map((f, i) => (
            <li
              key={`${f.Name}-${i}`}
              className="flex min-w-0 items-center gap-2 px-2 py-1.5"
              data-testid="attachment-row"
            >
              {isForbiddenAttachment(f.Name) && (
                <TriangleAlert className="size-4 shrink-0 text-destructive" aria-label="File type not allowed" />
              )}
              <span className="min-w-0 flex-1 truncate">{f.Name}</span>
              <span className="shrink-0 text-xs text-muted-foreground">{formatBytes(f.size)}</span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-7"
                aria-label={`Remove ${f.Name}`}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
                disabled={disabled}
              >
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {over && !error && (
        <p className="text-xs text-destructive">Over Postmark's limit: remove files or send them some other way.</p>
      )}
      {(error ?? readError) && (
        <p id={`${id}-error`} role="alert" className="text-xs break-words text-destructive">
          {error ?? readError}
        </p>
      )}
    </div>
  );
}
