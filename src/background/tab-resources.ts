import { groupResources, resourceAddress, type ResourceGroup } from '../core/resources.js';
import type { Engine } from '../core/engine.js';
import type { TabRecord } from './tab-records.js';
import { recent } from './stores.js';

/** The hosts a tab's page loaded from, grouped by who serves them, from what the browser saw of each. */
export async function tabResources(engine: Engine, record: TabRecord, pageDomain: string | undefined): Promise<ResourceGroup[]> {
  const hosts = Object.entries(record.resources).filter(([host]) => host !== record.host);
  const inputs = await Promise.all(
    hosts.map(async ([host, r]) => {
      const seen = await recent.get(host);
      return { host, count: r.count, ...(r.ip === undefined ? {} : { ip: r.ip }), ...(seen === undefined ? {} : { seen }) };
    }),
  );
  await engine.prepare(inputs.flatMap((r) => resourceAddress(r) ?? []));
  return groupResources(engine, pageDomain, inputs);
}
