import http from "node:http";

export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
  /** When the message's last byte arrived (performance.now()). */
  at: number;
}

/** A minimal SSE client over node:http: collects messages and comments, can pause reading. */
export function openSse(port: number, path: string, headers: Record<string, string> = {}) {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let status = 0;
  let buffer = "";
  let closedResolve!: () => void;
  const closed = new Promise<void>((r) => (closedResolve = r));
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let response: http.IncomingMessage | null = null;

  const req = http.get(
    { host: "127.0.0.1", port, path, headers: { accept: "text/event-stream", ...headers } },
    (res) => {
      response = res;
      status = res.statusCode ?? 0;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let idx: number;
        while ((idx = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const msg: SseMessage = { id: null, event: null, data: "", at: performance.now() };
          let isMessage = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("id: ")) msg.id = line.slice(4);
            else if (line.startsWith("event: ")) msg.event = line.slice(7);
            else if (line.startsWith("data: ")) {
              msg.data += (isMessage ? "\n" : "") + line.slice(6);
              isMessage = true;
            }
          }
          if (isMessage) messages.push(msg);
        }
        notify();
      });
      res.on("close", () => {
        closedResolve();
        notify();
      });
      notify();
    },
  );
  // A paused response emits no "close"; the request's socket does.
  req.on("close", () => {
    closedResolve();
    notify();
  });
  req.on("error", () => {
    closedResolve();
    notify();
  });

  return {
    messages,
    comments,
    closed,
    get status() {
      return status;
    },
    get headers() {
      return response?.headers ?? {};
    },
    /** Stop reading (a slow client): the server's writes back up. */
    pause: () => response?.pause(),
    resume: () => response?.resume(),
    /** Resolves once `pred` holds; rejects after `ms`. */
    waitFor(pred: () => boolean, ms = 5_000): Promise<void> {
      if (pred()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pred()) {
            listeners.delete(check);
            clearTimeout(t);
            resolve();
          }
        };
        const t = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out; ${messages.length} messages, ${comments.length} comments, status ${status}`));
        }, ms);
        listeners.add(check);
      });
    },
    close() {
      req.destroy();
    },
  };
}
export type SseClient = ReturnType<typeof openSse>;
