import { createFileRoute } from "@tanstack/react-router";
import { TriggersPage } from "@/web/features/triggers/triggers-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/triggers/")({
  loader: pageData("triggers"),
  component: TriggersPage,
});
