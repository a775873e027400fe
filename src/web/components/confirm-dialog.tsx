import { useId, useState, type ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/web/components/ui/alert-dialog";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names what will change, e.g. "Delete domain 123". */
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  /** For what cannot be undone: the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string;
  /** Keeps the confirm button disabled, e.g. while what it needs is still loading. */
  disabled?: boolean;
}

/** Whether the typed text confirms: exact, apart from surrounding spaces. */
export function typedConfirms(typed: string, expected: string): boolean {
  return expected.length > 0 && typed.trim() === expected;
}

/** The "type its name to confirm" field, for dialogs that need their own layout. */
export function TypedConfirmField({
  expected,
  value,
  onChange,
  id,
}: {
  expected: string;
  value: string;
  onChange: (v: string) => void;
  id?: string;
}) {
  const fallback = useId();
  const inputId = id ?? fallback;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={inputId}>
        <span>
          Type <span className="font-mono font-semibold break-all">{expected}</span> to confirm
        </span>
      </Label>
      <Input
        id={inputId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
      />
    </div>
  );
}

/** Asks before a destructive action, naming exactly what it will destroy. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel = "Confirm",
  onConfirm,
  typeToConfirm,
  disabled = false,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const ready = !disabled && (typeToConfirm === undefined || typedConfirms(typed, typeToConfirm));
  const change = (o: boolean) => {
    if (!o) setTyped("");
    onOpenChange(o);
  };
  return (
    <AlertDialog open={open} onOpenChange={change}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          {description && (
            <AlertDialogDescription asChild>
              <div>{description}</div>
            </AlertDialogDescription>
          )}
        </AlertDialogHeader>
        {typeToConfirm !== undefined && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ready) {
                onConfirm();
                change(false);
              }
            }}
          >
            <TypedConfirmField expected={typeToConfirm} value={typed} onChange={setTyped} />
          </form>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={!ready}
            onClick={() => {
              setTyped("");
              onConfirm();
            }}
          >
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
