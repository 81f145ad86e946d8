import cliProgress from "cli-progress";
import type { CliIO } from "./types.js";

export interface EvalProgress {
  onStage: (stage: string) => void;
  onProgress: (done: number, total: number) => void;
  stop: () => void;
}

/**
 * Progress on stderr for a terminal: each slow stage (agents, model load, index) as a line
 * with how long the previous one took, then a routing bar with an ETA. Off the terminal (CI
 * logs, pipes) it stays silent.
 *
 * @example
 * const progress = evalProgress(io, "agents");
 * await evaluateAgents({ ...options, onStage: progress.onStage, onProgress: progress.onProgress });
 * progress.stop();
 */
export function evalProgress(io: CliIO, label: string, stream: NodeJS.WritableStream = process.stderr): EvalProgress {
  if (!io.isTTY) return { onStage: () => undefined, onProgress: () => undefined, stop: () => undefined };
  let stageStart = Date.now();
  let stageName: string | null = null;
  const endStage = () => {
    if (stageName !== null) io.err(`  ${stageName}: ${((Date.now() - stageStart) / 1000).toFixed(1)} s\n`);
    stageName = null;
  };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `  routing ${label} [{bar}] {value}/{total} prompts · {duration_formatted} · ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onStage: (stage) => {
      endStage();
      stageName = stage;
      stageStart = Date.now();
      io.err(`  ${stage}…\n`);
    },
    onProgress: (done, total) => {
      if (!started) {
        endStage();
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      endStage();
    },
  };
}
