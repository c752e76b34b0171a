import { resolve } from 'node:path';
import { startSites } from '../test/e2e/harness/sites.js';
import { launchBrowser } from './bench-browser/launch.js';
import { EDGE_HOST, EDGE_SITE } from './bench-browser/edge-site.js';
import { openSiteTab } from './bench-browser/site-tab.js';
import { stopWorker, onNextWorkerStart } from './bench-browser/worker.js';
import { popupTime } from './bench-browser/popup.js';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount: number; children?: number[] }
const sites = await startSites({ [EDGE_HOST]: EDGE_SITE });
const browser = await launchBrowser('whoserves', sites.port, resolve('dist/chrome'));
const site = await openSiteTab(browser);
const self = new Map<string, number>();
let totalSamples = 0;
for (let run = 0; run < 5; run++) {
  await stopWorker(browser, site.tab);
  let sid = '';
  const ms = await onNextWorkerStart(browser.cdp, async (s) => {
    sid = s;
    await browser.cdp.send('Profiler.enable', undefined, s);
    await browser.cdp.send('Profiler.setSamplingInterval', { interval: 100 }, s);
    await browser.cdp.send('Profiler.start', undefined, s);
  }, async (worker) => {
    const t = await popupTime(browser, site.tabId);
    await worker;
    const { profile } = await browser.cdp.send('Profiler.stop', undefined, sid);
    const nodes = profile.nodes as Node[];
    for (const n of nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + n.hitCount);
      totalSamples += n.hitCount;
    }
    return t;
  });
  console.log('cold popup', ms);
}
console.log('samples', totalSamples, '(100 µs each, 5 runs)');
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 5 / 10).toFixed(1)} ms/run ${k}`).join('\n'));
await browser.close(); await sites.close();
