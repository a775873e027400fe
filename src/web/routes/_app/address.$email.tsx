import { createFileRoute } from "@tanstack/react-router";
import { AddressPage } from "@/web/features/address/address-page";

export const Route = createFileRoute("/_app/address/$email")({
  component: AddressPage,
});
