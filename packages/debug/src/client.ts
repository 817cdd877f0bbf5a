import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
// The framing class DebugSession is built on; the package index does not re-export it.
import { ProtocolServer } from "@vscode/debugadapter/lib/protocol.js";
import type { DebugProtocol } from "@vscode/debugprotocol";

/** A failed DAP request: the peer's error response (its `message` and `body.error`). */
export class DapRequestError extends Error {
  override name = "DapRequestError";
  constructor(
    readonly command: string,
    readonly response: DebugProtocol.Response,
  ) {
    const detail = (response.body as { error?: DebugProtocol.Message } | undefined)?.error;
    super(`${command}: ${detail?.format ?? response.message ?? "failed"}`);
  }
}

/**
 * The client side of a DAP connection (to debugpy, or an editor's role in tests). The library's
 * ProtocolServer does the Content-Length framing; this adds what it leaves to subclasses:
 * events become `event` emissions, and requests return promises matched to their responses.
 */
export class DapClient extends ProtocolServer {
  private closed = false;
  /** The last stream error, if any (for messages). */
  lastError: string | undefined;
  private lastSent: DebugProtocol.ProtocolMessage | undefined;
  private readonly pending = new Map<number, (r: DebugProtocol.Response) => void>();

  constructor(private readonly requestTimeoutMs = 60_000) {
    super();
    this.on("close", () => {
      this.closed = true;
      const closed = (seq: number, cb: (r: DebugProtocol.Response) => void) =>
        cb({
          type: "response",
          seq: 0,
          request_seq: seq,
          command: "",
          success: false,
          message: "the connection closed",
        });
      for (const [seq, cb] of [...this.pending]) closed(seq, cb);
      this.pending.clear();
    });
    // A stream error (the peer went away mid-write) ends the connection; it must not crash us.
    this.on("error", (e: DebugProtocol.Event) => {
      this.lastError = String(e.body);
      this.emit("close");
    });
    // The library stamps `seq` when it sends; this is how a request learns its own.
    this.onDidSendMessage((m) => (this.lastSent = m as DebugProtocol.ProtocolMessage));
  }

  override handleMessage(msg: DebugProtocol.ProtocolMessage): void {
    if (msg.type === "event") this.emit("event", msg as DebugProtocol.Event);
    else if (msg.type === "request") this.emit("reverseRequest", msg as DebugProtocol.Request);
    else if (msg.type === "response") {
      const r = msg as DebugProtocol.Response;
      const cb = this.pending.get(r.request_seq);
      this.pending.delete(r.request_seq);
      cb?.(r);
    }
  }

  /** End our side; no request is sent after this. */
  override stop(): void {
    if (!this.closed) this.emit("close");
    super.stop();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Send a request; resolves with the response, rejects with DapRequestError when it failed.
   * (Not the library's callback form: its timeout timer outlives the response and would keep
   * the process alive for the whole timeout.)
   */
  request<R extends DebugProtocol.Response = DebugProtocol.Response>(
    command: string,
    args?: unknown,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<R> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error(`${command}: the connection is closed`));
      this.sendRequest(command, args ?? {}, 0, undefined as never);
      const seq = this.lastSent!.seq;
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`${command}: no response within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(seq, (response) => {
        clearTimeout(timer);
        if (response.success) resolve(response as R);
        else if (!response.command) reject(new Error(`${command}: ${response.message}`));
        else reject(new DapRequestError(command, response));
      });
    });
  }

  /** Resolves with the next event named `name` that satisfies `filter`. */
  waitEvent<E extends DebugProtocol.Event = DebugProtocol.Event>(
    name: string,
    filter: (e: E) => boolean = () => true,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<E> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("event", on);
        reject(new Error(`no ${name} event within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (e: DebugProtocol.Event) => {
        if (e.event !== name || !filter(e as E)) return;
        clearTimeout(timer);
        this.off("event", on);
        resolve(e as E);
      };
      this.on("event", on);
    });
  }
}

/**
 * Connect to a DAP server on 127.0.0.1:port, retrying while nothing listens yet (debugpy starts
 * listening only once Blender has started and the script is ready). Gives up when `giveUp`
 * settles or after `timeoutMs`.
 */
export async function connectWithRetry(
  port: number,
  options: { timeoutMs: number; giveUp?: Promise<unknown> },
): Promise<{ client: DapClient; socket: Socket }> {
  let stop = false;
  void options.giveUp?.finally(() => (stop = true));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (stop) throw new Error("the program ended before the debugger could attach");
    try {
      const socket = await new Promise<Socket>((resolve, reject) => {
        const s = connect({ host: "127.0.0.1", port }, () => resolve(s));
        s.once("error", reject);
      });
      socket.setNoDelay(true);
      const client = new DapClient();
      client.start(socket, socket);
      return { client, socket };
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`debugpy did not listen on 127.0.0.1:${port}: ${(e as Error).message}`);
      await sleep(50);
    }
  }
}
