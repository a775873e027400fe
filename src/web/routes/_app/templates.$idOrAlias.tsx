import { createFileRoute } from "@tanstack/react-router";
import { TemplateEditorPage } from "@/web/features/templates/template-editor-page";

export const Route = createFileRoute("/_app/templates/$idOrAlias")({
  component: TemplateEditorPage,
});
