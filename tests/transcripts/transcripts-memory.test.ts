import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { streamDispatchLog } from "../../src/transcripts/transcripts.js";

const MB = 1024 * 1024;

/** Writes a session of `megabytes` MB: prompt, Task call, bulky tool result, repeated. */
async function writeBigSession(file: string, megabytes: number): Promise<number> {
  const out = createWriteStream(file);
  const pad = "lorem ipsum ".repeat(150);
  let bytes = 0;
  let turns = 0;
  while (bytes < megabytes * MB) {
    const chunk =
      [
        { type: "user", sessionId: "big", uuid: `u${turns}`, message: { content: `prompt ${turns}` } },
        {
          type: "assistant",
          sessionId: "big",
          message: {
            content: [
              { type: "tool_use", id: `t${turns}`, name: "Task", input: { subagent_type: "Explore", prompt: pad } },
            ],
          },
        },
        {
          type: "user",
          sessionId: "big",
          message: { content: [{ type: "tool_result", tool_use_id: `t${turns}`, content: pad + pad + pad }] },
        },
      ]
        .map((line) => JSON.stringify(line))
        .join("\n") + "\n";
    bytes += Buffer.byteLength(chunk);
    turns += 1;
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return turns;
}

describe("streamDispatchLog on a 200 MB session", () => {
  let dir = "";
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it("reads every turn with heap growth far below the file size", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-big-"));
    const file = path.join(dir, "big.jsonl");
    const turns = await writeBigSession(file, 200);
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    const stream = streamDispatchLog([file]);
    for await (const record of stream) {
      count += 1;
      if (record.dispatched[0] !== "explore") throw new Error(`turn ${count}: ${JSON.stringify(record.dispatched)}`);
      if (count % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    expect(count).toBe(turns);
    expect(stream.stats.problemCount).toBe(0);
    // Held per turn: the ids that guard against resumed-session repeats (~100 bytes each).
    expect(peak).toBeLessThan(64 * MB);
  }, 30_000);
});
