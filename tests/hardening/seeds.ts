import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSeeds, type FuzzSeeds } from "../../fuzz/seeds.js";
import { HAS_SHARED, SHARED_DIR } from "../helpers/shared.js";

let loading: Promise<FuzzSeeds> | undefined;

/** The fuzz seeds (real files from ../shared when present), loaded once per test file. */
export function sharedSeeds(): Promise<FuzzSeeds> {
  loading ??= loadSeeds(HAS_SHARED ? SHARED_DIR : null);
  return loading;
}

export function scratchDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "agentroute-hardening-"));
}

/** Harmless changes: the same content as an editor on another platform would save it. */
export const HARMLESS = {
  crlf: (b: Buffer) => Buffer.from(b.toString("utf8").replace(/\r?\n/g, "\r\n"), "utf8"),
  bom: (b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  "no trailing newline": (b: Buffer) => Buffer.from(b.toString("utf8").replace(/(\r?\n)+$/, ""), "utf8"),
  "trailing newline": (b: Buffer) => Buffer.from(b.toString("utf8").replace(/(\r?\n)*$/, "\n"), "utf8"),
} as const satisfies Record<string, (b: Buffer) => Buffer>;

export type HarmlessChange = keyof typeof HARMLESS;
export const HARMLESS_NAMES = Object.keys(HARMLESS) as HarmlessChange[];
