/**
 * Margin at which a matching When NOT to Engage bullet takes the whole score: the prompt is
 * this much closer (cosine, or lexical similarity in keyword mode) to the bullet than to any
 * of the agent's own pieces.
 */
export const NOT_ENGAGE_FULL_MARGIN = 0.5;

/**
 * The agent files' When NOT to Engage rule, applied after fusion so that nothing the fusion
 * learned can outweigh it: an agent whose bullet matches the prompt better than its own
 * pieces (`notEngage[a]` > 0) keeps `1 − margin / NOT_ENGAGE_FULL_MARGIN` of its fused score
 * (none past the full margin). A matching bullet therefore always lowers that agent's final
 * score; agents with no match keep theirs. Scores are changed in place and returned.
 *
 * @example
 * applyNotEngage(Float64Array.of(0.6, 0.5), Float64Array.of(0.05, 0)) // [0.3, 0.5]
 */
export function applyNotEngage(scores: Float64Array, notEngage: ArrayLike<number> | undefined): Float64Array {
  if (!notEngage) return scores;
  for (let a = 0; a < scores.length; a++) {
    const margin = notEngage[a]!;
    if (margin > 0) scores[a] = scores[a]! * Math.max(0, 1 - margin / NOT_ENGAGE_FULL_MARGIN);
  }
  return scores;
}
