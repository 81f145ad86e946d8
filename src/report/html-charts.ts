import { decisionConfidence } from "../eval/calibration.js";
import type { SweepPoint } from "../eval/threshold-sweep.js";
import type { EvalReport, ReliabilityBin } from "../eval/types.js";
import { escapeHtml as h } from "./escape.js";
import { formatNumber as n } from "./format.js";

const W = 420;
const H = 260;
const M = { left: 40, right: 12, top: 12, bottom: 36 };
const x = (v: number) => M.left + v * (W - M.left - M.right);
const y = (v: number, max = 1) => H - M.bottom - (max === 0 ? 0 : v / max) * (H - M.top - M.bottom);
const f = (v: number) => v.toFixed(1);

/** An SVG frame: grid, axes with ticks at 0, 0.25, … 1 (y scaled to yMax) and axis titles. */
function frame(label: string, xTitle: string, yTitle: string, yMax: number, body: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const yTick = (t: number) => (yMax === 1 ? n(t, 2) : String(Math.round(t * yMax)));
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}">
${ticks.map((t) => `<line class="grid" x1="${f(x(0))}" x2="${f(x(1))}" y1="${f(y(t))}" y2="${f(y(t))}"/><text x="${M.left - 4}" y="${f(y(t) + 4)}" text-anchor="end">${yTick(t)}</text><text x="${f(x(t))}" y="${H - M.bottom + 14}" text-anchor="middle">${n(t, 2)}</text>`).join("")}
<line class="axis" x1="${f(x(0))}" x2="${f(x(0))}" y1="${f(y(0))}" y2="${f(y(1))}"/><line class="axis" x1="${f(x(0))}" x2="${f(x(1))}" y1="${f(y(0))}" y2="${f(y(0))}"/>
<text x="${f(x(0.5))}" y="${H - 4}" text-anchor="middle">${h(xTitle)}</text><text x="10" y="${f(y(0.5))}" text-anchor="middle" transform="rotate(-90 10 ${f(y(0.5))})">${h(yTitle)}</text>
${body}</svg>`;
}

/**
 * Reliability diagram: each bin's accuracy as a bar over its confidence range, a dot at its
 * mean confidence, and the diagonal a calibrated router would follow.
 */
export function reliabilitySvg(bins: readonly ReliabilityBin[]): string {
  const bars = bins
    .filter((bin) => bin.count > 0)
    .map(
      (bin) =>
        `<rect x="${f(x(bin.low) + 1)}" width="${f(x(bin.high) - x(bin.low) - 2)}" y="${f(y(bin.accuracy))}" height="${f(y(0) - y(bin.accuracy))}" fill="rgba(var(--ok),.55)"><title>${n(bin.low, 1)}–${n(bin.high, 1)}: ${bin.count} prompts, accuracy ${n(bin.accuracy)}, mean confidence ${n(bin.confidence)}</title></rect>` +
        `<circle cx="${f(x(bin.confidence))}" cy="${f(y(bin.accuracy))}" r="3" fill="var(--fg)"/>`,
    )
    .join("");
  const diagonal = `<line x1="${f(x(0))}" y1="${f(y(0))}" x2="${f(x(1))}" y2="${f(y(1))}" stroke="var(--muted)" stroke-dasharray="4 3"/>`;
  return frame("Reliability diagram", "confidence", "accuracy", 1, diagonal + bars);
}

/** Confidence histogram: right (green) and wrong (red) decisions per tenth of confidence. */
export function confidenceHistogramSvg(report: EvalReport, bins = 10): string {
  const right = new Array<number>(bins).fill(0);
  const wrong = new Array<number>(bins).fill(0);
  for (const c of report.cases) {
    const i = Math.min(bins - 1, Math.floor(decisionConfidence(c) * bins));
    (c.correct ? right : wrong)[i]!++;
  }
  const max = Math.max(1, ...right, ...wrong);
  const width = (x(1) - x(0)) / bins / 2 - 1;
  const bar = (i: number, count: number, offset: number, colour: string, what: string) =>
    count === 0
      ? ""
      : `<rect x="${f(x(i / bins) + offset)}" width="${f(width)}" y="${f(y(count, max))}" height="${f(y(0) - y(count, max))}" fill="rgba(var(${colour}),.75)"><title>${n(i / bins, 1)}–${n((i + 1) / bins, 1)}: ${count} ${what}</title></rect>`;
  const body = right
    .map((count, i) => bar(i, count, 1, "--ok", "right") + bar(i, wrong[i]!, width + 1, "--bad", "wrong"))
    .join("");
  return frame("Confidence histogram, right vs wrong", "confidence", "prompts", max, body);
}

const SERIES: [string, string, (p: SweepPoint) => number][] = [
  ["accuracy", "var(--accent)", (p) => p.accuracy],
  ["coverage", "var(--muted)", (p) => p.coverage],
  ["none precision", "#d08a00", (p) => p.none.precision],
  ["none recall", "#9b59b6", (p) => p.none.recall],
  ["none F1", "rgb(var(--bad))", (p) => p.none.f1],
];

/**
 * Threshold sweep: accuracy, coverage and none precision / recall / F1 against the threshold,
 * a solid marker at the threshold in use and a dashed one where accuracy peaks on this data.
 */
export function thresholdSweepSvg(points: readonly SweepPoint[], inUse: number, withNone: boolean): string {
  const series = SERIES.filter(([name]) => withNone || !name.startsWith("none"));
  const lines = series
    .map(
      ([name, colour, read]) =>
        `<polyline fill="none" stroke="${colour}" stroke-width="1.8" points="${points.map((p) => `${f(x(p.threshold))},${f(y(read(p)))}`).join(" ")}"><title>${h(name)}</title></polyline>`,
    )
    .join("");
  const best = points.reduce((a, b) => (b.accuracy > a.accuracy ? b : a), points[0]!);
  // The two labels sit on opposite sides of their lines and at different heights, never on top of each other.
  const right = best.threshold <= inUse;
  const marker = (t: number, dash: string, text: string, after: boolean, row: number) =>
    `<line x1="${f(x(t))}" x2="${f(x(t))}" y1="${f(y(0))}" y2="${f(y(1))}" stroke="var(--fg)" ${dash}/><text x="${f(x(t) + (after ? 3 : -3))}" y="${H - M.bottom - 8 - row * 13}" text-anchor="${after ? "start" : "end"}">${h(text)}</text>`;
  const svg = frame(
    "Threshold sweep",
    "threshold",
    "share of prompts",
    1,
    lines +
      marker(inUse, "", `in use ${n(inUse)}`, right, 0) +
      marker(best.threshold, 'stroke-dasharray="3 3"', `best accuracy ${n(best.threshold, 2)}`, !right, 1),
  );
  const legend = series
    .map(([name, colour]) => `<span class="lbl"><span style="color:${colour}">■</span> ${h(name)}</span>`)
    .join(" ");
  return `<div class="legend">${legend}</div>${svg}`;
}
