import { insertSorted } from "./sorted";
import type {
  Bounce,
  BulkRequest,
  ClickEvent,
  InboundMessage,
  MessageStream,
  OpenEvent,
  OutboundMessage,
  ServerConfig,
  Suppression,
  Template,
  WebhookConfig,
} from "./types";

export const byReceived = (m: { receivedAt: number }) => m.receivedAt;
export const byBounced = (b: Bounce) => b.bouncedAt;

/** Everything one Postmark server holds, indexed for the searches the API offers. */
export class ServerStore {
  readonly streams = new Map<string, MessageStream>();
  readonly templates = new Map<number, Template>();
  /** Sorted by receivedAt, oldest first. */
  readonly messages: OutboundMessage[] = [];
  readonly messageById = new Map<string, OutboundMessage>();
  readonly bounces: Bounce[] = [];
  readonly bounceById = new Map<number, Bounce>();
  readonly opens: OpenEvent[] = [];
  readonly clicks: ClickEvent[] = [];
  readonly opensByMessage = new Map<string, OpenEvent[]>();
  readonly clicksByMessage = new Map<string, ClickEvent[]>();
  readonly inbound: InboundMessage[] = [];
  readonly inboundById = new Map<string, InboundMessage>();
  /** stream id → lowercased address → suppression. */
  readonly suppressions = new Map<string, Map<string, Suppression>>();
  readonly inboundRules = new Map<number, { ID: number; Rule: string }>();
  readonly webhooks = new Map<number, WebhookConfig>();
  readonly bulk = new Map<string, BulkRequest>();
  /** Seeding appends out of order and sorts once at the end. */
  bulkLoading = false;

  constructor(public config: ServerConfig) {}

  get id(): number {
    return this.config.ID;
  }

  addMessage(m: OutboundMessage): void {
    if (this.bulkLoading) this.messages.push(m);
    else insertSorted(this.messages, m, byReceived);
    this.messageById.set(m.id, m);
  }

  addBounce(b: Bounce): void {
    if (this.bulkLoading) this.bounces.push(b);
    else insertSorted(this.bounces, b, byBounced);
    this.bounceById.set(b.id, b);
  }

  addOpen(o: OpenEvent): void {
    if (this.bulkLoading) this.opens.push(o);
    else insertSorted(this.opens, o, byReceived);
    pushTo(this.opensByMessage, o.messageId, o);
  }

  addClick(c: ClickEvent): void {
    if (this.bulkLoading) this.clicks.push(c);
    else insertSorted(this.clicks, c, byReceived);
    pushTo(this.clicksByMessage, c.messageId, c);
  }

  addInbound(m: InboundMessage): void {
    if (this.bulkLoading) this.inbound.push(m);
    else insertSorted(this.inbound, m, byReceived);
    this.inboundById.set(m.id, m);
  }

  finishLoading(): void {
    this.bulkLoading = false;
    this.messages.sort((a, b) => a.receivedAt - b.receivedAt);
    this.bounces.sort((a, b) => a.bouncedAt - b.bouncedAt);
    this.opens.sort((a, b) => a.receivedAt - b.receivedAt);
    this.clicks.sort((a, b) => a.receivedAt - b.receivedAt);
    this.inbound.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  suppressionList(stream: string): Map<string, Suppression> {
    let list = this.suppressions.get(stream);
    if (!list) {
      list = new Map();
      this.suppressions.set(stream, list);
    }
    return list;
  }

  isSuppressed(stream: string, email: string): boolean {
    return this.suppressions.get(stream)?.has(email.toLowerCase()) ?? false;
  }

  findTemplate(idOrAlias: string | number): Template | undefined {
    const text = String(idOrAlias);
    if (/^\d+$/.test(text)) {
      const t = this.templates.get(Number(text));
      if (t) return t;
    }
    const lower = text.toLowerCase();
    for (const t of this.templates.values()) if (t.Alias && t.Alias.toLowerCase() === lower) return t;
    return undefined;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
