// Tells the worker which page this is and which hosts its resources came from.
// The worker's webRequest view is primary; this covers what it cannot see:
// pages restored from the back/forward cache (no request at all) and
// resources loaded before a worker restart.
import { send } from '../messages.js';

const MAX_HOSTS = 500;

function resourceHosts(): string[] {
  const hosts = new Set<string>();
  for (const entry of performance.getEntriesByType('resource')) {
    if (hosts.size >= MAX_HOSTS) break;
    try {
      const url = new URL(entry.name);
      if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.hostname);
    } catch {
      // an entry without a parseable URL tells us nothing
    }
  }
  return [...hosts];
}

function reportPage(): void {
  // Fails harmlessly when the extension was reloaded under this page: the old script is orphaned.
  send('pageSeen', { url: location.href, resourceHosts: resourceHosts() }).catch(() => undefined);
}

reportPage();
addEventListener('pageshow', (event) => {
  if (event.persisted) reportPage();
});
