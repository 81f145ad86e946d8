import { describe, expect, it } from "vitest";
import { commandLoaders, loadCommands } from "../../src/cli/commands/index.js";

describe("command loading", () => {
  it("loads only the command a run names, and every command for help or an unknown name", async () => {
    expect(await loadCommands(["hook"])).toEqual([await commandLoaders.hook!()]);
    expect(await loadCommands(["route", "--json", "x"])).toEqual([await commandLoaders.route!()]);
    const all = await Promise.all(Object.values(commandLoaders).map((load) => load()));
    expect(await loadCommands(["--help"])).toEqual(all);
    expect(await loadCommands(["evl"])).toEqual(all);
    expect(Object.keys(commandLoaders)).toEqual([
      "init",
      "lint",
      "route",
      "transcripts",
      "hook",
      "eval",
      "compare",
      "tune",
      "advise",
    ]);
  });
});
