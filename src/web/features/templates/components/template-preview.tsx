import { Image, Monitor, Smartphone } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { previewDocument, remoteImageCount } from "../lib/preview-document";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import type { ValidateResult } from "../templates-api";
import { partErrors } from "../templates-shaping";

type Part = ValidateResult["HtmlBody"] | null | undefined;
const partLabel = { Subject: "Subject", HtmlBody: "HTML body", TextBody: "Text body" } as const;

function PartStatus({ name, part }: { name: keyof typeof partLabel; part: Part }) {
  if (!part) return null;
  const errors = partErrors(part.ValidationErrors);
  return (
    <div data-testid={`validation-${name}`} data-valid={part.ContentIsValid}>
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">{partLabel[name]}</span>
        <Badge variant={part.ContentIsValid ? "success" : "destructive"}>
          {part.ContentIsValid ? "Valid" : "Invalid"}
        </Badge>
      </div>
      {errors.length > 0 && (
        <ul className="mt-1 flex flex-col gap-1 text-xs text-destructive">
          {errors.map((e, i) => (
            <li key={i} className="break-words">
              {e.where && <span className="font-mono">{e.where}: </span>}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Postmark's verdict per part and the rendered result: HTML only in a sandboxed iframe without scripts. */
export function TemplatePreview({ result, fetching }: { result: ValidateResult | undefined; fetching: boolean }) {
  const [width, setWidth] = useState<"desktop" | "phone">("desktop");
  const [images, setImages] = useState(false);
  const html = result?.HtmlBody?.RenderedContent ?? "";
  const remote = remoteImageCount(html);
  return (
    <div className="flex min-w-0 flex-col gap-3" aria-busy={fetching}>
      <div className="flex flex-col gap-2 rounded-md border p-3">
        {result ? (
          <>
            <PartStatus name="Subject" part={result.Subject} />
            <PartStatus name="HtmlBody" part={result.HtmlBody} />
            <PartStatus name="TextBody" part={result.TextBody} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{fetching ? "Validating…" : "Type to validate."}</p>
        )}
      </div>
      {result?.Subject?.RenderedContent && (
        <p className="text-sm break-words">
          <span className="text-muted-foreground">Subject: </span>
          <span data-testid="rendered-subject">{result.Subject.RenderedContent}</span>
        </p>
      )}
      <Tabs defaultValue="html">
        <TabsList>
          <TabsTrigger value="html">HTML preview</TabsTrigger>
          <TabsTrigger value="text">Text preview</TabsTrigger>
        </TabsList>
        <TabsContent value="html" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <div role="radiogroup" aria-label="Preview width" className="flex gap-1">
              <Button
                type="button"
                size="sm"
                variant={width === "desktop" ? "default" : "outline"}
                role="radio"
                aria-checked={width === "desktop"}
                onClick={() => setWidth("desktop")}
              >
                <Monitor aria-hidden />
                Desktop
              </Button>
              <Button
                type="button"
                size="sm"
                variant={width === "phone" ? "default" : "outline"}
                role="radio"
                aria-checked={width === "phone"}
                onClick={() => setWidth("phone")}
              >
                <Smartphone aria-hidden />
                Phone
              </Button>
            </div>
            <Button
              type="button"
              size="sm"
              variant={images ? "default" : "outline"}
              aria-pressed={images}
              onClick={() => setImages((v) => !v)}
              data-testid="preview-images"
            >
              <Image aria-hidden />
              {images ? "Images shown" : remote ? `Show ${remote} image${remote === 1 ? "" : "s"}` : "Show images"}
            </Button>
          </div>
          <div className="overflow-x-auto rounded-md border bg-muted/30 p-1">
            <iframe
              title="HTML preview"
              sandbox=""
              referrerPolicy="no-referrer"
              srcDoc={previewDocument(html, images)}
              className="mx-auto block h-[32rem] max-w-full rounded bg-white"
              style={{ width: width === "phone" ? 375 : "100%" }}
              data-testid="html-preview"
              data-width={width}
              data-images={images}
            />
          </div>
        </TabsContent>
        <TabsContent value="text">
          <pre
            className="h-[32rem] overflow-auto rounded-md border bg-muted/40 p-3 text-xs whitespace-pre-wrap break-words"
            data-testid="text-preview"
          >
            {result?.TextBody?.RenderedContent ?? ""}
          </pre>
        </TabsContent>
      </Tabs>
    </div>
  );
}
