import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * agentroute's version, from the first package.json named agentroute at or above `dir`
 * (dist/src/… and src/… sit at most three levels under the package root). CommonJS, so the
 * hook's small client entry can read it without loading an ES module graph.
 *
 * @example
 * readPackageVersion(__dirname) // "0.1.0"
 */
export function readPackageVersion(dir: string): string {
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
