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
 * ProtocolServer does the Content-Length framing and request/response matching; this adds what
 * it leaves to subclasses: events become `event` emissions, and requests return promises.
 */
export class DapClient extends ProtocolServer {
  private closed = false;

  constructor(private readonly requestTimeoutMs = 60_000) {
    super();
    this.on("close", () => (this.closed = true));
  }

  override handleMessage(msg: DebugProtocol.ProtocolMessage): void {
    if (msg.type === "event") this.emit("event", msg as DebugProtocol.Event);
    else if (msg.type === "request") this.emit("reverseRequest", msg as DebugProtocol.Request);
    else super.handleMessage(msg);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Send a request; resolves with the response, rejects with DapRequestError when it failed. */
  request<R extends DebugProtocol.Response = DebugProtocol.Response>(
    command: string,
    args?: unknown,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<R> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error(`${command}: the connection is closed`));
      const onClose = () => reject(new Error(`${command}: the connection closed`));
      this.once("close", onClose);
      this.sendRequest(command, args ?? {}, timeoutMs, (response) => {
        this.off("close", onClose);
        if (response.success) resolve(response as R);
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
