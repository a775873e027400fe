import { ActionError } from "@/web/components/action-error";
import { useQuery } from "@tanstack/react-query";
import type { Operation } from "@/contract/postmark";
import type { OperationSpec } from "@/contract/postmark/operation";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import type { PreparedRequest } from "@/web/lib/operation-request";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { describeChange } from "../describe-change";
import { nameFrom, nameLookupFor } from "../explorer-effects";

/**
 * The explorer's confirmation for destructive calls. Deleting a domain, a sender signature or a
 * server asks for its name to be typed, as the area pages do: the name is read from Postmark first.
 */
export function ExplorerDeleteConfirm({
  op,
  request,
  onClose,
  onConfirm,
}: {
  op: Operation;
  request: PreparedRequest | null;
  onClose: () => void;
  onConfirm: (request: PreparedRequest) => void;
}) {
  const lookup = request ? nameLookupFor(op, request.input) : null;
  // Any operation of the catalog: its input is checked by the explorer's form, so the query takes the catalog-wide shape.
  const target: OperationSpec = lookup?.lookup ?? op;
  const named = useQuery({
    ...postmarkQueryOptions(target, lookup?.input ?? {}, null),
    enabled: lookup !== null,
    staleTime: 0,
    meta: { silent: true },
  });
  const name = lookup && named.data !== undefined ? nameFrom(named.data, lookup.field) : null;
  return (
    <ConfirmDialog
      open={request !== null}
      onOpenChange={(o) => !o && onClose()}
      title={request ? describeChange(op, request) : ""}
      description={
        <>
          <p>This cannot be undone. Mailroom will send:</p>
          <p className="mt-2 font-mono text-xs break-all text-foreground">
            {request && `${request.method} ${request.path}${request.search}`}
          </p>
          {lookup && named.isPending && (
            <p className="mt-2" data-testid="typed-name-loading">
              Looking up its name…
            </p>
          )}
          {lookup && named.isError && (
            <ActionError
              className="mt-2"
              title="Its name could not be read, so it cannot be confirmed:"
              error={named.error}
            />
          )}
          {lookup && named.isSuccess && !name && (
            <p role="alert" className="mt-2 text-destructive">
              Postmark's answer has no {lookup.field}, so it cannot be confirmed by name.
            </p>
          )}
        </>
      }
      confirmLabel={op.title.split(" ")[0] ?? "Confirm"}
      typeToConfirm={name ?? undefined}
      disabled={lookup !== null && name === null}
      onConfirm={() => {
        if (request) onConfirm(request);
        onClose();
      }}
    />
  );
}
