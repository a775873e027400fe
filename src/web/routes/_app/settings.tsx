import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { SettingsPage } from "@/web/features/settings/settings-page";

export const Route = createFileRoute("/_app/settings")({
  validateSearch: z.object({ tab: z.enum(["users", "connection"]).catch("users") }),
  component: SettingsPage,
});
