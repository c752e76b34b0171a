export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** Words, not percentages: two decimals of confidence would claim a precision the heuristics do not have. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.7) return 'medium';
  return 'low';
}
