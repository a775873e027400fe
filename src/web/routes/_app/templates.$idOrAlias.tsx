import { createFileRoute } from "@tanstack/react-router";
import { warmCodeEditor } from "@/web/features/templates/components/code-editor-load";
import { TemplateEditorPage } from "@/web/features/templates/template-editor-page";

export const Route = createFileRoute("/_app/templates/$idOrAlias")({
  // No data here: opening a template files the version seen, which a hover must not do.
  loader: warmCodeEditor,
  component: TemplateEditorPage,
});
