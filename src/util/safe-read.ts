import { constants } from "node:fs";
import { open, readlink, realpath, type FileHandle } from "node:fs/promises";
import { AgentRouteError, type ErrorCode } from "../errors.js";

/** What a reader tells the user when a file cannot be read: which input it is and what to do. */
export interface ReadWhat {
  /** How messages name the file (e.g. relative to the working directory); default the path. */
  label?: string;
  /** What the file is, for messages: "dataset", "config", "agent file". */
  what: string;
  /** The hint for a missing or unreadable file ("Check the --dataset path."). */
  hint: string;
  /** Error code for a file that exists but is refused (not regular, too large); default LIMIT_EXCEEDED for size. */
  kindCode?: ErrorCode;
}

const CHUNK = 64 * 1024;

/**
 * Opens `file` for reading and proves it is a regular file on the opened handle (fstat, so
 * a swap between check and read cannot matter). FIFOs, sockets and devices are refused;
 * O_NONBLOCK keeps the open of a FIFO from waiting for a writer. `/proc` and `/sys` files
 * claim to be regular with size 0, so the size is never trusted: readers cap while reading.
 *
 * @example
 * const handle = await openRegularFile("datasets/x.csv", { what: "dataset", hint: "Check the --dataset path." });
 */
export async function openRegularFile(file: string, what: ReadWhat): Promise<FileHandle> {
  const label = what.label ?? file;
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AgentRouteError(
      code === "ENOENT" || code === "ENOTDIR" ? "NOT_FOUND" : "IO",
      `${label}: cannot read the ${what.what} (${code ?? (err as Error).message})`,
      {
        hint: what.hint,
        file: label,
        cause: err,
      },
    );
  }
  const info = await handle.stat();
  const kind = info.isFile() ? await pseudoFileKind(handle, file) : describeKind(info);
  if (kind !== null) {
    await handle.close();
    throw new AgentRouteError(what.kindCode ?? "IO", `${label}: the ${what.what} is ${kind}, not a regular file`, {
      hint: `Pass a regular file; agentroute does not read FIFOs, sockets or devices. ${what.hint}`,
      file: label,
    });
  }
  return handle;
}

/**
 * `/proc` and `/sys` files stat as regular files of size 0 but are endless or change as they
 * are read (`/proc/self/pagemap` is terabytes): refused by where the opened file really is.
 */
async function pseudoFileKind(handle: FileHandle, file: string): Promise<string | null> {
  const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => realpath(file).catch(() => file));
  return /^\/(proc|sys)(\/|$)/.test(real) ? `a kernel pseudo-file (${real})` : null;
}

function describeKind(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "a special file";
}

/**
 * Reads a whole regular file of at most `maxBytes`, enforcing the cap while reading: a file
 * that grows, or a `/proc` file whose stat size is 0, is refused as soon as it passes the cap.
 *
 * @throws AgentRouteError NOT_FOUND / IO when unreadable or not a regular file, LIMIT_EXCEEDED over the cap.
 * @example
 * const bytes = await readRegularFile("agentroute.config.json", 8_000_000, { what: "config", hint: "Check the --config path." });
 */
export async function readRegularFile(file: string, maxBytes: number, what: ReadWhat): Promise<Buffer> {
  const handle = await openRegularFile(file, what);
  try {
    return await readCapped(handle, maxBytes, what.label ?? file, what);
  } finally {
    await handle.close();
  }
}

async function readCapped(handle: FileHandle, maxBytes: number, label: string, what: ReadWhat): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    parts.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new AgentRouteError(
        "LIMIT_EXCEEDED",
        `${label}: the ${what.what} is over ${formatBytes(maxBytes)} (the limit)`,
        {
          hint: `A ${what.what} this large is not expected; split it or check it is the right file.`,
          file: label,
        },
      );
    }
  }
  return Buffer.concat(parts, total);
}

/** "1 MiB", "8,000,000 bytes": how limits read in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return `${bytes.toLocaleString("en-US")} bytes`;
}

/**
 * Streams a regular file's chunks, at most `maxBytes` in all (a `/dev/zero` or `/proc` file
 * stops at the cap with LIMIT_EXCEEDED instead of streaming forever).
 */
export async function* streamRegularFile(file: string, maxBytes: number, what: ReadWhat): AsyncGenerator<Buffer> {
  const handle = await openRegularFile(file, what);
  const label = what.label ?? file;
  try {
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      if (total > maxBytes) {
        throw new AgentRouteError(
          "LIMIT_EXCEEDED",
          `${label}: the ${what.what} is over ${formatBytes(maxBytes)} (the limit)`,
          {
            hint: `Split the ${what.what} or check it is the right file.`,
            file: label,
          },
        );
      }
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
