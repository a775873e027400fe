import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { emailSend } from "@/contract/postmark/send";
import { FormField } from "@/web/components/form-field";
import { Input } from "@/web/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { Textarea } from "@/web/components/ui/textarea";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { buildSendBody, emptyCompose, type ComposeState, type Errors } from "../send-form";
import { SendEnvelopeFields } from "./send-envelope-fields";
import { SendHtmlPreview } from "./send-html-preview";
import { SendSubmitBar } from "./send-result";

export function SendComposeForm({ disabled, defaultFrom }: { disabled: boolean; defaultFrom?: string }) {
  const serverId = selectedServer.use();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ComposeState>({ ...emptyCompose, From: defaultFrom ?? "" });
  const [errors, setErrors] = useState<Errors>({});
  const send = useMutation(postmarkMutationOptions(emailSend, serverId, queryClient));
  const html = useDeferredValue(state.HtmlBody);
  const update = (next: Partial<ComposeState>) => setState((s) => ({ ...s, ...next }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildSendBody(state);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    send.mutate({ body: built.body });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Compose a message" className="flex flex-col gap-4">
      <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-4">
        <SendEnvelopeFields prefix="compose" value={state} onChange={update} errors={errors} disabled={disabled} />
        <FormField id="compose-Subject" label="Subject" error={errors.Subject}>
          <Input id="compose-Subject" value={state.Subject} onChange={(e) => update({ Subject: e.target.value })} />
        </FormField>
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          <Tabs defaultValue="html" className="min-w-0">
            <TabsList>
              <TabsTrigger value="html">HTML body</TabsTrigger>
              <TabsTrigger value="text">Text body</TabsTrigger>
            </TabsList>
            <TabsContent value="html" forceMount className="data-[state=inactive]:hidden">
              <FormField id="compose-HtmlBody" label="HTML body" error={errors.HtmlBody}>
                <Textarea
                  id="compose-HtmlBody"
                  rows={12}
                  className="font-mono text-xs"
                  value={state.HtmlBody}
                  onChange={(e) => update({ HtmlBody: e.target.value })}
                  placeholder="<p>Hello</p>"
                />
              </FormField>
            </TabsContent>
            <TabsContent value="text" forceMount className="data-[state=inactive]:hidden">
              <FormField id="compose-TextBody" label="Text body" error={errors.TextBody}>
                <Textarea
                  id="compose-TextBody"
                  rows={12}
                  className="font-mono text-xs"
                  value={state.TextBody}
                  onChange={(e) => update({ TextBody: e.target.value })}
                />
              </FormField>
            </TabsContent>
          </Tabs>
          <div className="flex min-w-0 flex-col gap-1.5">
            <span className="text-sm font-medium">Preview</span>
            <SendHtmlPreview html={html} />
          </div>
        </div>
      </fieldset>
      <SendSubmitBar label="Send message" disabled={disabled} hasErrors={Object.keys(errors).length > 0} send={send} />
    </form>
  );
}
