import { useQuery } from "@tanstack/react-query";
import { streamsList } from "@/contract/postmark/streams";
import type { z } from "zod";
import { FormField } from "@/web/components/form-field";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { Textarea } from "@/web/components/ui/textarea";
import { Label } from "@/web/components/ui/label";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { trackLinksOptions, type EnvelopeState, type Errors, type TrackLinksOption } from "../send-form";

const trackLinksLabel: Record<TrackLinksOption, string> = { None: "Off", HtmlAndText: "HTML and text", HtmlOnly: "HTML only", TextOnly: "Text only" };

/** From/To/Cc/Bcc, stream, tag, metadata and tracking: shared by the compose and template forms. */
export function SendEnvelopeFields({ prefix, value, onChange, errors }: { prefix: string; value: EnvelopeState; onChange: (next: Partial<EnvelopeState>) => void; errors: Errors }) {
  const serverId = selectedServer.use();
  const streams = useQuery(postmarkQueryOptions<z.infer<typeof streamsList.response>>(streamsList, { query: {} }, serverId));
  const outbound = (streams.data?.MessageStreams ?? []).filter((s) => s.ID && s.MessageStreamType !== "Inbound" && !s.ArchivedAt);
  const id = (f: string) => `${prefix}-${f}`;
  const invalid = (f: string) => (errors[f] ? { "aria-invalid": true, "aria-describedby": `${id(f)}-error` } : {});
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={id("From")} label="From" required error={errors.From} hint="A confirmed sender signature or domain.">
        <Input id={id("From")} value={value.From} onChange={(e) => onChange({ From: e.target.value })} placeholder="Lumen <hello@lumen.example>" {...invalid("From")} />
      </FormField>
      <FormField id={id("To")} label="To" required error={errors.To} hint="Comma-separated, at most 50 recipients in all.">
        <Input id={id("To")} value={value.To} onChange={(e) => onChange({ To: e.target.value })} placeholder="ada@example.com" {...invalid("To")} />
      </FormField>
      <FormField id={id("Cc")} label="Cc" error={errors.Cc}>
        <Input id={id("Cc")} value={value.Cc} onChange={(e) => onChange({ Cc: e.target.value })} {...invalid("Cc")} />
      </FormField>
      <FormField id={id("Bcc")} label="Bcc" error={errors.Bcc}>
        <Input id={id("Bcc")} value={value.Bcc} onChange={(e) => onChange({ Bcc: e.target.value })} {...invalid("Bcc")} />
      </FormField>
      <FormField id={id("MessageStream")} label="Message stream" error={errors.MessageStream}>
        <Select value={value.MessageStream} onValueChange={(v) => onChange({ MessageStream: v })}>
          <SelectTrigger id={id("MessageStream")}>
            <SelectValue placeholder={streams.isPending ? "Loading streams…" : "Pick a stream"} />
          </SelectTrigger>
          <SelectContent>
            {outbound.map((s) => (
              <SelectItem key={s.ID} value={s.ID!}>
                {s.Name ?? s.ID} <span className="text-muted-foreground">· {s.MessageStreamType}</span>
              </SelectItem>
            ))}
            {!outbound.some((s) => s.ID === value.MessageStream) && <SelectItem value={value.MessageStream}>{value.MessageStream}</SelectItem>}
          </SelectContent>
        </Select>
      </FormField>
      <FormField id={id("Tag")} label="Tag" error={errors.Tag} hint="One tag, used to filter stats and activity.">
        <Input id={id("Tag")} value={value.Tag} onChange={(e) => onChange({ Tag: e.target.value })} {...invalid("Tag")} />
      </FormField>
      <FormField id={id("Metadata")} label="Metadata" error={errors.Metadata} hint="One key: value per line; up to 10 keys (20 characters), values up to 80.">
        <Textarea id={id("Metadata")} rows={2} value={value.Metadata} onChange={(e) => onChange({ Metadata: e.target.value })} placeholder="order-id: 1042" className="font-mono text-xs" {...invalid("Metadata")} />
      </FormField>
      <div className="flex flex-col gap-3">
        <div className="flex items-center justify-between gap-3 sm:justify-start">
          <Label htmlFor={id("TrackOpens")}>Track opens</Label>
          <Switch id={id("TrackOpens")} checked={value.TrackOpens} onCheckedChange={(v) => onChange({ TrackOpens: v })} />
        </div>
        <FormField id={id("TrackLinks")} label="Track links">
          <Select value={value.TrackLinks} onValueChange={(v) => onChange({ TrackLinks: v as TrackLinksOption })}>
            <SelectTrigger id={id("TrackLinks")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {trackLinksOptions.map((o) => (
                <SelectItem key={o} value={o}>
                  {trackLinksLabel[o]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
      </div>
    </div>
  );
}
