import type { CommandModule } from "../types.js";
import { lintCommand } from "./lint.js";
import { routeCommand } from "./route.js";
import { hookCommandModule } from "./hook.js";
import { transcriptsCommand } from "./transcripts.js";
import { evalCommand } from "./eval.js";
import { compareCommand } from "./compare.js";
import { tuneCommand } from "./tune.js";
import { adviseCommand } from "./advise.js";

/** Every CLI command, in the order `--help` lists them. One file per command. */
export const commands: CommandModule[] = [lintCommand, routeCommand, transcriptsCommand, hookCommandModule, evalCommand, compareCommand, tuneCommand, adviseCommand];
