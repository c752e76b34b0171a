import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../core/engine.js';
import { classify } from '../core/classify.js';
import { ObservationError, parseObservation } from '../core/parse-observation.js';
import { providersFor, type SiteModel } from '../core/model/site-model.js';
import type { Report } from '../core/types.js';
import type { LookupResult } from '../core/lookup/lookup-host.js';
import { formatSummary } from './format-summary.js';
import { jsonValues, valueLabel, type StreamedValue } from './json-stream.js';
import { jsonText } from './terminal-text.js';
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

function classifyValue(engine: Engine, value: StreamedValue): Report {
  const label = valueLabel(value.inArray, value.index);
  try {
    return classify(engine, parseObservation(JSON.parse(value.text) as unknown));
  } catch (err) {
    if (err instanceof ObservationError) throw new UsageError(`${label}${err.message}`);
    if (err instanceof SyntaxError) throw new UsageError(`${label}not valid JSON: ${err.message}`);
    throw err;
  }
}

/**
 * Classifies observations as they stream in: one object, a JSON array (its
 * elements read one at a time, so a large file never sits in memory whole), or
 * JSON lines. Output follows the input's shape: one indented report, an array
 * of them, or one report per line. Each problem names its element.
 */
export async function classifyCommand(engine: Engine, input: Readable, out: Writable, json: boolean): Promise<void> {
  let count = 0;
  let inArray = false;
  // The first value of a stream is held until the next shows whether it is alone (indented) or the first of many (one per line).
  let first: Report | undefined;
  try {
    for await (const value of jsonValues(input as AsyncIterable<Buffer>, MAX_OBSERVATION_BYTES)) {
      const report = classifyValue(engine, value);
      if (!json) await write(out, `${count === 0 ? '' : '\n'}${formatSummary(offlineModel(engine, report))}`);
      else if (value.inArray) {
        inArray = true;
        await write(out, `${count === 0 ? '[\n' : ',\n'}${jsonText(report)}`);
      } else if (count === 0) first = report;
      else {
        if (first !== undefined) await write(out, `${jsonText(first, 0)}\n`);
        first = undefined;
        await write(out, `${jsonText(report, 0)}\n`);
      }
      count++;
    }
  } catch (err) {
    // What was classified before the problem is still printed, in the shape of a stream.
    if (first !== undefined) await write(out, `${jsonText(first, 0)}\n`);
    throw err;
  }
  if (count === 0) throw new UsageError('no observation in the input');
  if (first !== undefined) await write(out, `${jsonText(first)}\n`);
  if (inArray) await write(out, '\n]\n');
}
