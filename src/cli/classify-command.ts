import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../core/engine.js';
import { classify } from '../core/classify.js';
import { ObservationError, parseObservation } from '../core/parse-observation.js';
import { providersFor, type SiteModel } from '../core/model/site-model.js';
import type { Report } from '../core/types.js';
import type { LookupResult } from '../core/lookup/lookup-host.js';
import { formatSummary } from './format-summary.js';
import { jsonValues } from './json-stream.js';
import { UsageError } from './usage.js';

/** No observation is anywhere near this: one that is, is refused rather than parsed. */
const MAX_OBSERVATION_BYTES = 1 << 20;

/** A classification as the model every output renders: an offline lookup that asked nobody. */
function offlineModel(engine: Engine, report: Report): SiteModel {
  const lookup: LookupResult = { host: report.host, isIp: false, report, errors: [], steps: { dns: 'off', site: 'off', registry: 'off' } };
  return { kind: 'site', origin: 'search', phase: 'done', lookup, ...providersFor(engine, lookup) };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * Classifies observations as they stream in: one object, a JSON array (its
 * elements read one at a time, so a large file never sits in memory whole), or
 * JSON lines. Output follows the input's shape; each problem names its element.
 */
export async function classifyCommand(engine: Engine, input: Readable, out: Writable, json: boolean): Promise<void> {
  let count = 0;
  let array = false;
  for await (const value of jsonValues(input as AsyncIterable<Buffer>, MAX_OBSERVATION_BYTES)) {
    const where = value.inArray ? `element ${value.index}: ` : value.index > 0 ? `value ${value.index}: ` : '';
    let observation;
    try {
      observation = parseObservation(JSON.parse(value.text) as unknown);
    } catch (err) {
      if (err instanceof ObservationError) throw new UsageError(`${where}${err.message}`);
      if (err instanceof SyntaxError) throw new UsageError(`${where}input is not valid JSON: ${err.message}`);
      throw err;
    }
    const report = classify(engine, observation);
    if (json) {
      const text = JSON.stringify(report, null, value.inArray ? 2 : value.index > 0 ? 0 : 2);
      array = value.inArray;
      await write(out, value.inArray ? `${count === 0 ? '[\n' : ',\n'}${text}` : `${text}\n`);
    } else await write(out, `${count === 0 ? '' : '\n'}${formatSummary(offlineModel(engine, report))}`);
    count++;
  }
  if (count === 0) throw new UsageError('no observation in the input');
  if (json && array) await write(out, '\n]\n');
}
