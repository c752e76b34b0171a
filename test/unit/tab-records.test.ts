import assert from 'node:assert/strict';
import { tabRecorder } from '../../src/background/tab-records.js';
import type { SeenResponse } from '../../src/core/observation-record.js';
import { MemoryArea } from './memory-area.js';

const page: SeenResponse = { host: 'links.test', ip: '127.0.0.1', status: 200, headers: {}, cookieNames: [], fromCache: false, at: 1 };

describe('tab records', () => {
  it('counts a resource once when the content script reports it before its response event (as Firefox may order them)', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await tabs.recordDocument(1, 'http://links.test/', page);
    await tabs.recordPageReport(1, 'http://links.test/', 'links.test', ['assets.test'], 2);
    await tabs.recordResource(1, 'assets.test', '127.0.0.1');
    await tabs.recordResource(1, 'assets.test', '127.0.0.1');
    assert.deepEqual((await tabs.records.get('1'))?.resources['assets.test'], { count: 2, ip: '127.0.0.1' });
  });

  it('counts every response when the report comes after them, and keeps a host only the report names', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await tabs.recordDocument(1, 'http://links.test/', page);
    await tabs.recordResource(1, 'assets.test', '127.0.0.1');
    await tabs.recordPageReport(1, 'http://links.test/', 'links.test', ['assets.test', 'cached.test'], 2);
    const resources = (await tabs.records.get('1'))?.resources;
    assert.deepEqual(resources?.['assets.test'], { count: 1, ip: '127.0.0.1' });
    assert.deepEqual(resources?.['cached.test'], { count: 1, reported: true });
  });
});
