import pg from "pg";

export interface Listening {
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** After every (re)connection: notifications sent while disconnected are lost, so catch up. */
  onConnected(): void;
  onError?(e: Error): void;
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries). The
 * connection is re-opened with backoff when it drops; `onConnected` tells the caller to re-read
 * whatever it may have missed, so a lost notification costs latency, never data.
 */
export function pgListen(config: pg.ClientConfig, channel: string, h: ListenHandlers): Listening {
  let client: pg.Client | null = null;
  let closed = false;
  let backoff = 250;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const ident = `"${channel.replace(/"/g, '""')}"`;

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, backoff);
    retry.unref?.();
    backoff = Math.min(backoff * 2, 10_000);
  };

  async function connect() {
    if (closed) return;
    const c = new pg.Client(config);
    client = c;
    c.on("notification", (m) => {
      if (m.channel === channel) h.onNotify(m.payload ?? "");
    });
    c.on("error", (e) => {
      h.onError?.(e);
      c.end().catch(() => {});
    });
    c.on("end", () => {
      if (client === c) client = null;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${ident}`);
      backoff = 250;
      h.onConnected();
    } catch (e) {
      h.onError?.(e as Error);
      await c.end().catch(() => {});
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
