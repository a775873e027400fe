import { createFileRoute } from "@tanstack/react-router";
import { OperationPage } from "@/web/features/operations/operation-page";

// `/operations/domains/get` for operation `domains.get`: no dot in the URL, so no server mistakes it for a file.
export const Route = createFileRoute("/_app/operations/$group/$name")({
  component: OperationPage,
});
