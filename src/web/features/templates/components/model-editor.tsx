import { useState } from "react";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Textarea } from "@/web/components/ui/textarea";
import { modelLeaves, setLeaf } from "../lib/model-form";

/** The test model, as JSON or as a form of its values; it starts from Postmark's suggested model. */
export function ModelEditor({
  text,
  onText,
  model,
  error,
  touched,
  onReset,
}: {
  text: string;
  onText(text: string): void;
  model: Record<string, unknown> | undefined;
  error: string | undefined;
  touched: boolean;
  onReset(): void;
}) {
  const [mode, setMode] = useState<"json" | "form">("json");
  const leaves = model ? modelLeaves(model) : [];
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-label="Edit the test model as" className="flex gap-1">
          <Button
            type="button"
            size="sm"
            variant={mode === "json" ? "default" : "outline"}
            role="radio"
            aria-checked={mode === "json"}
            onClick={() => setMode("json")}
          >
            JSON
          </Button>
          <Button
            type="button"
            size="sm"
            variant={mode === "form" ? "default" : "outline"}
            role="radio"
            aria-checked={mode === "form"}
            onClick={() => setMode("form")}
            disabled={!model}
          >
            Form
          </Button>
        </div>
        {touched && (
          <Button type="button" size="sm" variant="ghost" onClick={onReset}>
            Use Postmark's suggestion
          </Button>
        )}
      </div>
      {mode === "json" || !model ? (
        <FormField
          id="tpl-model"
          label="Test model (JSON)"
          error={error}
          hint={
            touched
              ? "Your model; clear it to follow Postmark's suggestion again."
              : "Postmark's suggestion from the variables in use; edit it to try other values."
          }
        >
          <Textarea
            id="tpl-model"
            value={text}
            onChange={(e) => onText(e.target.value)}
            rows={6}
            spellCheck={false}
            className="font-mono text-xs"
          />
        </FormField>
      ) : (
        <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Test model values">
          {leaves.length === 0 && <p className="text-sm text-muted-foreground">The model has no values to fill in.</p>}
          {leaves.map((leaf) => {
            const id = `model-${leaf.path.join("-")}`;
            return (
              <FormField key={id} id={id} label={<span className="font-mono text-xs">{leaf.path.join(".")}</span>}>
                <Input
                  id={id}
                  value={leaf.value === null ? "" : String(leaf.value)}
                  onChange={(e) =>
                    onText(JSON.stringify(setLeaf(model, leaf.path, e.target.value, leaf.value), null, 2))
                  }
                />
              </FormField>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
