import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

function readVersion(): string {
  // dist/src/version.js and src/version.ts both sit two levels under the package root at most.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "agentroute" && pkg.version) return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = path.dirname(dir);
  }
  return "0.0.0";
}

export const VERSION = readVersion();
export const TOOL_NAME = "agentroute" as const;
