import path from "node:path";
import { fileURLToPath } from "node:url";
import { readPackageVersion } from "./package-version.cjs";

export const VERSION = readPackageVersion(path.dirname(fileURLToPath(import.meta.url)));
export const TOOL_NAME = "agentroute" as const;
