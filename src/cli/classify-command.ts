import type { Engine } from '../core/engine.js';
import { classify } from '../core/classify.js';
import { ObservationError, parseObservation } from '../core/parse-observation.js';
import type { Observation, Report } from '../core/types.js';
import { formatReport } from './format-report.js';
import { UsageError } from './usage.js';

/** Parses the classify input (one observation or an array); errors name the element and field. */
export function readObservations(text: string): { many: boolean; observations: Observation[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`input is not valid JSON: ${(err as Error).message}`);
  }
  const many = Array.isArray(json);
  const items: unknown[] = many ? (json as unknown[]) : [json];
  const observations = items.map((item, i) => {
    try {
      return parseObservation(item);
    } catch (err) {
      if (err instanceof ObservationError) throw new UsageError(many ? `element ${i}: ${err.message}` : err.message);
      throw err;
    }
  });
  return { many, observations };
}

export function classifyCommand(engine: Engine, text: string, json: boolean): string {
  const { many, observations } = readObservations(text);
  const reports: Report[] = observations.map((obs) => classify(engine, obs));
  if (json) return `${JSON.stringify(many ? reports : reports[0], null, 2)}\n`;
  return reports.map(formatReport).join('\n');
}
