import { createFileRoute } from "@tanstack/react-router";
import { FilesPage } from "@/web/features/templates/files-page";

export const Route = createFileRoute("/_app/templates/files")({
  component: FilesPage,
});
