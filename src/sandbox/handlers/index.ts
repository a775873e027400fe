import type { OperationId } from "../../contract/postmark";
import type { Handler, StatsHandler, StatsOperationId } from "../http/context";
import { bounceHandlers } from "./bounces";
import { domainHandlers } from "./domains";
import { messageHandlers } from "./messages";
import { miscHandlers } from "./misc";
import { senderHandlers } from "./senders";
import { sendHandlers } from "./send";
import { serverHandlers } from "./servers";
import { statsHandlers } from "./stats";
import { streamHandlers } from "./streams";
import { templateHandlers } from "./templates";
import { webhookHandlers } from "./webhooks";

/** The route table: one handler per catalog operation; a missing one fails to compile. */
export const handlers = {
  ...messageHandlers,
  ...bounceHandlers,
  ...statsHandlers,
  ...sendHandlers,
  ...serverHandlers,
  ...domainHandlers,
  ...senderHandlers,
  ...streamHandlers,
  ...templateHandlers,
  ...webhookHandlers,
  ...miscHandlers,
} satisfies { [Id in Exclude<OperationId, StatsOperationId>]: Handler<Id> } & {
  [Id in StatsOperationId]: StatsHandler<Id>;
};
