/**
 * The compile server's wire format: one JSON object per line over a Unix socket (see
 * ./server.ts for why there is a server at all). Every message is typed here so client and
 * server cannot drift; the server answers each request with exactly one reply of the same `id`.
 */
import type { CacheInput } from "../cache.js";
import type { Compiled } from "../compile.js";
import type { CliErrorCode } from "../errors.js";
import type { CompileContext, ProjectOptions } from "../project.js";

/** What every job carries: the client's build of bpyts, working directory and environment. */
interface JobBase {
  id: number;
  /** The client's compiler stamp: a server built from other files refuses the job. */
  stamp: string;
  cwd: string;
  env: Record<string, string>;
}

export type Request =
  | (JobBase & {
      type: "compile";
      entry: string;
      context: CompileContext;
      /** Also return the file-system answers the compile got (the compile cache's inputs). */
      record: boolean;
    })
  | (JobBase & { type: "check-project"; options: ProjectOptions })
  /** Load the compiler and parse the TypeScript lib now (a first run, while Blender is probed). */
  | (JobBase & { type: "warm" })
  | { type: "status"; id: number }
  | { type: "stop"; id: number };

/** How a job failed, as data the client turns back into the same exception. */
export type Failure =
  | { kind: "compile"; errors: string[]; warnings: string[] }
  | {
      kind: "cli";
      code: CliErrorCode;
      message: string;
      file?: string;
      line: number;
      column: number;
    }
  | { kind: "blender-not-found"; message: string }
  /** Anything else: the client compiles in its own process, which reports it natively. */
  | { kind: "internal"; message: string };

export interface Status {
  pid: number;
  stamp: string;
  socket: string;
  startedAt: number;
  jobs: number;
  idleTimeoutMs: number;
  rssBytes: number;
  /** started from a start-up snapshot holding this Blender version's typings parsed */
  snapshot?: string;
}

export type Reply =
  | {
      type: "compiled";
      id: number;
      compiled: Compiled & { version?: string };
      inputs?: CacheInput[];
    }
  | { type: "checked"; id: number; warnings: string[] }
  | { type: "warmed"; id: number }
  | { type: "failed"; id: number; failure: Failure }
  /** The server's build differs from the client's: it exits; the client compiles itself. */
  | { type: "stale"; id: number }
  | { type: "status"; id: number; status: Status }
  | { type: "stopping"; id: number };

/** Split a byte stream into JSON lines; a line that is not JSON is reported, not thrown. */
export function lineReader(
  onMessage: (m: unknown) => void,
  onBad: (line: string) => void,
): (chunk: Buffer | string) => void {
  let buffered = "";
  return (chunk) => {
    buffered += chunk.toString();
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!line.trim()) continue;
      let m: unknown;
      try {
        m = JSON.parse(line);
      } catch {
        onBad(line);
        continue;
      }
      onMessage(m);
    }
  };
}
