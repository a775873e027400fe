import { FormField } from "@/web/components/form-field";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { KeyValueRows } from "@/web/components/key-value-rows";
import { Label } from "@/web/components/ui/label";
import { SendAttachments } from "./send-attachments";
import { SendStreamSelect } from "./send-stream-select";
import { trackLinksOptions, type EnvelopeState, type Errors, type TrackLinksOption } from "../send-form";

const trackLinksLabel: Record<TrackLinksOption, string> = {
  None: "Off",
  HtmlAndText: "HTML and text",
  HtmlOnly: "HTML only",
  TextOnly: "Text only",
};

/** From/To/Cc/Bcc, stream, tag, metadata, headers, attachments and tracking: shared by the compose and template forms. */
export function SendEnvelopeFields({
  prefix,
  value,
  onChange,
  errors,
  disabled,
}: {
  prefix: string;
  value: EnvelopeState;
  onChange: (next: Partial<EnvelopeState>) => void;
  errors: Errors;
  disabled?: boolean;
}) {
  const id = (f: string) => `${prefix}-${f}`;
  const invalid = (f: string) => (errors[f] ? { "aria-invalid": true, "aria-describedby": `${id(f)}-error` } : {});
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField
        id={id("From")}
        label="From"
        required
        error={errors.From}
        hint="A confirmed sender signature or domain."
      >
        <Input
          id={id("From")}
          value={value.From}
          onChange={(e) => onChange({ From: e.target.value })}
          placeholder="Lumen <hello@lumen.example>"
          {...invalid("From")}
        />
      </FormField>
      <FormField
        id={id("To")}
        label="To"
        required
        error={errors.To}
        hint="Comma-separated, at most 50 recipients in all."
      >
        <Input
          id={id("To")}
          value={value.To}
          onChange={(e) => onChange({ To: e.target.value })}
          placeholder="ada@example.com"
          {...invalid("To")}
        />
      </FormField>
      <FormField id={id("Cc")} label="Cc" error={errors.Cc}>
        <Input id={id("Cc")} value={value.Cc} onChange={(e) => onChange({ Cc: e.target.value })} {...invalid("Cc")} />
      </FormField>
      <FormField id={id("Bcc")} label="Bcc" error={errors.Bcc}>
        <Input
          id={id("Bcc")}
          value={value.Bcc}
          onChange={(e) => onChange({ Bcc: e.target.value })}
          {...invalid("Bcc")}
        />
      </FormField>
      <FormField id={id("ReplyTo")} label="Reply-To" error={errors.ReplyTo}>
        <Input
          id={id("ReplyTo")}
          value={value.ReplyTo}
          onChange={(e) => onChange({ ReplyTo: e.target.value })}
          {...invalid("ReplyTo")}
        />
      </FormField>
      <FormField id={id("MessageStream")} label="Message stream" error={errors.MessageStream}>
        <SendStreamSelect
          id={id("MessageStream")}
          value={value.MessageStream}
          onChange={(v) => onChange({ MessageStream: v })}
        />
      </FormField>
      <FormField id={id("Tag")} label="Tag" error={errors.Tag} hint="One tag, used to filter stats and activity.">
        <Input
          id={id("Tag")}
          value={value.Tag}
          onChange={(e) => onChange({ Tag: e.target.value })}
          {...invalid("Tag")}
        />
      </FormField>
      <div className="flex flex-col gap-3">
        <div className="flex items-center justify-between gap-3 sm:justify-start">
          <Label htmlFor={id("TrackOpens")}>Track opens</Label>
          <Switch
            id={id("TrackOpens")}
            checked={value.TrackOpens}
            onCheckedChange={(v) => onChange({ TrackOpens: v })}
          />
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
      <FormField
        id={id("Metadata")}
        label="Metadata"
        error={errors.Metadata}
        hint="Up to 10 keys (20 characters each), values up to 80; shown with the message in Activity and webhooks."
      >
        <KeyValueRows
          id={id("Metadata")}
          rows={value.Metadata}
          onChange={(rows) => onChange({ Metadata: rows })}
          keyLabel="Metadata key"
          valueLabel="Metadata value"
          addLabel="Add metadata"
          max={10}
          invalid={!!errors.Metadata}
          disabled={disabled}
        />
      </FormField>
      <FormField
        id={id("Headers")}
        label="Custom headers"
        error={errors.Headers}
        hint="Extra email headers, e.g. List-Unsubscribe or X-Campaign."
      >
        <KeyValueRows
          id={id("Headers")}
          rows={value.Headers}
          onChange={(rows) => onChange({ Headers: rows })}
          keyLabel="Header name"
          valueLabel="Header value"
          addLabel="Add a header"
          invalid={!!errors.Headers}
          disabled={disabled}
        />
      </FormField>
      <div className="flex min-w-0 flex-col gap-1.5 sm:col-span-2">
        <span className="text-sm font-medium">Attachments</span>
        <SendAttachments
          id={id("Attachments")}
          files={value.Attachments}
          onChange={(files) => onChange({ Attachments: files })}
          error={errors.Attachments}
          disabled={disabled}
        />
      </div>
    </div>
  );
}
