// The compile server's process entry (spawned by ./client.ts): `node main.js <socket> <stamp>`.
// Kept apart from the CLI's main so the server loads no command-line machinery.
import { serve } from "./server.js";

const [socket, stamp] = process.argv.slice(2);
if (!socket || !stamp) {
  process.stderr.write("usage: main.js <socket> <stamp>\n");
  process.exitCode = 2;
} else await serve(socket, stamp);
