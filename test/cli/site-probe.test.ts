import assert from 'node:assert/strict';
import { probe, ProbeRefused, type ProbeRequest } from '../../src/core/probe.js';
import { probeRequest, type Gate } from '../../src/node/guarded-http.js';
import { startLocalServer, type LocalServer } from '../helpers/local-server.js';

// A public site that redirects into your network. No test can reach a public
// address, so this one runs in process: the first hop's answer is written by
// the test (a 302 from a public address, as the Internet would give it), and
// every later hop goes through the CLI's own pieces exactly as `whoserves
// lookup` puts them together: core's probe over the gate's request function
// (src/cli/lookup-command.ts), the gate resolving names as the lookup's
// resolver would. The local server shows whether a hop reached it.

const START = 'https://public.example/';
const HEADER_NAMES = new Set(['server', 'cf-ray']);

describe('the site probe: a redirect from a public site into your network', () => {
  let lan: LocalServer;
  before(async () => {
    lan = await startLocalServer((_req, res) => void res.writeHead(200, { server: 'nas-admin' }).end());
  });
  afterEach(() => lan.requests.splice(0));
  after(() => lan?.close());

  /** The CLI's site probe for `whoserves lookup`, with the public first hop answered by the test. */
  function probeThrough(location: string, allowPrivate: boolean) {
    const gate: Gate = { resolve: async (host) => (host === 'nas.lan.test' ? ['127.0.0.1'] : []), mayBePrivate: () => allowPrivate, timeoutMs: 2000 };
    const real = probeRequest(gate);
    const request: ProbeRequest = (url, method) => (url === START ? Promise.resolve({ status: 302, headers: [{ name: 'Location', value: location }], ip: '93.184.215.14' }) : real(url, method));
    return probe(START, request, HEADER_NAMES, { allowPrivate });
  }

  const TARGETS: [string, (port: number) => string][] = [
    ['an address literal', (port) => `http://127.0.0.1:${port}/admin`],
    ['a name that resolves to this machine', (port) => `http://nas.lan.test:${port}/admin`],
    ['an IPv4-mapped IPv6 literal', (port) => `http://[::ffff:127.0.0.1]:${port}/admin`],
  ];
  for (const [what, target] of TARGETS) {
    it(`does not follow it to ${what}`, async () => {
      const location = target(lan.port);
      const result = await probeThrough(location, false);
      assert.deepEqual(result.hops.map((h) => [h.url, h.status]), [[START, 302]], 'the public hop is kept');
      assert.equal(result.error?.status, 'private-address');
      assert.equal(result.error?.url, new URL(location).href);
      assert.deepEqual(lan.requests, [], 'nothing reached the server in your network');
    });
  }

  it('follows it with --allow-private (the server is there to be reached)', async () => {
    const result = await probeThrough(`http://nas.lan.test:${lan.port}/admin`, true);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.hops.map((h) => h.status), [302, 200]);
    assert.deepEqual(lan.requests, [`HEAD nas.lan.test:${lan.port}/admin`]);
  });

  it('the gate refuses an address literal on its own, though Node skips the lookup hook for one', async () => {
    // Core's probe checks literals first; this is the check under it, the one DoH and RDAP redirects rely on.
    const request = probeRequest({ resolve: async () => [], mayBePrivate: () => false, timeoutMs: 2000 });
    await assert.rejects(request(`http://127.0.0.1:${lan.port}/`, 'HEAD'), (err) => err instanceof ProbeRefused && /127\.0\.0\.1, a loopback address/.test(err.message));
    await assert.rejects(request(`http://[::ffff:7f00:1]:${lan.port}/`, 'HEAD'), ProbeRefused);
    assert.deepEqual(lan.requests, []);
  });
});
