import { CircleCheck, Clock } from "lucide-react";
import { Badge } from "@/web/components/ui/badge";

export function SenderConfirmedBadge({ confirmed }: { confirmed: boolean }) {
  return confirmed ? (
    <Badge variant="success" data-state="confirmed">
      <CircleCheck aria-hidden />
      Confirmed
    </Badge>
  ) : (
    <Badge variant="warning" data-state="unconfirmed">
      <Clock aria-hidden />
      Awaiting confirmation
    </Badge>
  );
}
