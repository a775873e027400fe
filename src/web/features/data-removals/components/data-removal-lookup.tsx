import { useState, type FormEvent } from "react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { DataRemovalStatus } from "./data-removal-status";

/** Look up any request by its id; the id goes into the URL so the check can be shared. */
export function DataRemovalLookup({
  id,
  onLookup,
}: {
  id: number | undefined;
  onLookup: (id: number | undefined) => void;
}) {
  const [text, setText] = useState(id ? String(id) : "");
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text.trim());
    if (!Number.isSafeInteger(n) || n <= 0) return setError("A request id is a whole number, e.g. 1201.");
    setError(undefined);
    onLookup(n);
  };
  return (
    <div className="flex flex-col gap-3">
      <form noValidate onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <Input
            aria-label="Request id"
            placeholder="Request id"
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!!error}
          />
          {error && (
            <p role="alert" className="text-xs text-destructive">
              {error}
            </p>
          )}
        </div>
        <Button type="submit" variant="outline">
          Check status
        </Button>
      </form>
      {id !== undefined && <DataRemovalStatus key={id} id={id} />}
    </div>
  );
}
