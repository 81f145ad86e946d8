/** Tables and target checks for the speed section. */
import type { SpeedResult } from "./speed.js";
import { formatMs } from "./util/stats.js";
import { renderTable } from "./util/table.js";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/**
 * Each speed target from the issues against the measured figure (missing figures, e.g. in
 * the quick run, are left out rather than counted as met).
 *
 * @example
 * checkSpeedTargets(result).filter((t) => !t.met) // the misses
 */
export function checkSpeedTargets(r: SpeedResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  const at = (n: number) => r.scale.find((s) => s.agents === n);
  out.push({
    target: `warm route p50 ≤ 1.2× bare embedding p50 (${r.floorAgents} agents)`,
    measured: `${r.floor.ratioP50.toFixed(2)}×`,
    met: r.floor.ratioP50 <= 1.2,
  });
  const s100 = at(100);
  const s500 = at(500);
  if (s100)
    out.push({
      target: "rest of routing p50 < 1 ms at 100 agents",
      measured: `${formatMs(s100.rest.p50)} ms`,
      met: s100.rest.p50 < 1,
    });
  if (s500)
    out.push({
      target: "rest of routing p50 < 3 ms at 500 agents",
      measured: `${formatMs(s500.rest.p50)} ms`,
      met: s500.rest.p50 < 3,
    });
  if (s100)
    out.push({
      target: "keyword-only route p50 < 0.5 ms at 100 agents",
      measured: `${formatMs(s100.keyword.p50)} ms`,
      met: s100.keyword.p50 < 0.5,
    });
  if (s100)
    out.push({
      target: "index build, 100 agents, cold < 60 s",
      measured: `${(s100.cold.buildMs / 1000).toFixed(1)} s`,
      met: s100.cold.buildMs < 60_000,
    });
  if (s100)
    out.push({
      target: "index build, 100 agents, from cache < 2 s",
      measured: `${(s100.warm.buildMs / 1000).toFixed(2)} s`,
      met: s100.warm.buildMs < 2000,
    });
  if (r.bankingEval)
    out.push({
      target: "BANKING77 3080-prompt eval, warm cache < 60 s",
      measured: `${(r.bankingEval.warmIndexMs / 1000).toFixed(1)} s`,
      met: r.bankingEval.warmIndexMs < 60_000,
    });
  const peak = Math.max(...[s500?.cold, s500?.warm].map((b) => b?.peakRssMb ?? Number.NaN));
  // Peak RSS comes from /proc; where that is missing the figure is absent, not met.
  if (s500 && Number.isFinite(peak))
    out.push({ target: "peak RSS for 500 agents < 600 MB", measured: `${peak} MB`, met: peak < 600 });
  return out;
}

/** The speed tables, Markdown. */
export function renderSpeed(r: SpeedResult): string {
  const latency = renderTable(
    ["per prompt (ms)", "p50", "p95", "mean"],
    [
      [
        `(a) bare embedding call (the floor)`,
        formatMs(r.floor.embed.p50),
        formatMs(r.floor.embed.p95),
        formatMs(r.floor.embed.mean),
      ],
      [
        `(b) router.route, warm, ${r.floorAgents} agents`,
        formatMs(r.floor.route.p50),
        formatMs(r.floor.route.p95),
        formatMs(r.floor.route.mean),
      ],
      [
        "(b)/(a) ratio",
        `${r.floor.ratioP50.toFixed(2)}×`,
        `${(r.floor.route.p95 / r.floor.embed.p95).toFixed(2)}×`,
        "",
      ],
    ],
  );
  const scale = renderTable(
    [
      "agents",
      "pieces",
      "build cold (s)",
      "build warm (s)",
      "rest p50/p95 (ms)",
      "keyword p50/p95 (ms)",
      "peak RSS cold/warm (MB)",
      "heap (MB)",
    ],
    r.scale.map((s) => [
      String(s.agents),
      String(s.pieces),
      (s.cold.buildMs / 1000).toFixed(1),
      (s.warm.buildMs / 1000).toFixed(2),
      `${formatMs(s.rest.p50)} / ${formatMs(s.rest.p95)}`,
      `${formatMs(s.keyword.p50)} / ${formatMs(s.keyword.p95)}`,
      `${s.cold.peakRssMb ?? "–"} / ${s.warm.peakRssMb ?? "–"}`,
      String(s.warm.heapUsedMb),
    ]),
  );
  const sources = r.scale.map((s) => `${s.agents} agents = ${s.source}`).join("; ");
  const model = r.scale[0]?.cold.modelLoadMs;
  const batch = `(f) batch: routeMany ${r.batch.batchPerSecond.toFixed(1)} prompts/s vs route() one by one ${r.batch.oneByOnePerSecond.toFixed(1)} prompts/s (${r.batch.prompts} prompts new to the cache, ${r.floorAgents} agents)`;
  const bank = r.bankingEval
    ? `(g) BANKING77 eval, ${r.bankingEval.rows} prompts: ${(r.bankingEval.warmIndexMs / 1000).toFixed(1)} s with the agents cached (prompts new); ${(r.bankingEval.allCachedMs / 1000).toFixed(1)} s with everything cached; cold index ${(r.bankingEval.coldIndexMs / 1000).toFixed(1)} s`
    : "(g) BANKING77 eval: skipped in the quick run";
  const warnings = r.scale.flatMap((s) =>
    [...s.cold.warnings, ...s.warm.warnings].map((w) => `warning (${s.agents} agents): ${w}`),
  );
  const targets = renderTable(
    ["target", "measured", "met"],
    checkSpeedTargets(r).map((t) => [t.target, t.measured, t.met ? "yes" : "NO"]),
  );
  return [
    `${r.prompts} prompts from datasets/*.csv, each timed alone after 10 warm-up calls; (a) and (b) interleaved prompt by prompt.`,
    "",
    latency,
    "",
    `(c) rest = prepareQuery + score + decide with the vector given; (d) keyword = a whole keyword-only route. Builds run in a fresh child process each (cold: empty cache folder; warm: the folder the cold build filled); model load + first call ${model !== undefined ? `${(model / 1000).toFixed(1)} s` : "–"}, not in the build figures. ${sources}.`,
    "",
    scale,
    "",
    batch,
    bank,
    ...warnings,
    "",
    targets,
  ].join("\n");
}
