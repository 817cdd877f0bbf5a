import { createServer } from "node:net";

/**
 * A loopback port nothing listens on now (the OS picks it). Another process could take it before
 * debugpy binds it; debugpy then fails to listen and the launch reports that.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
