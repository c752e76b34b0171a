import assert from 'node:assert/strict';
import { runCli, type RunResult } from './run-cli.js';
import { a, dohAnswer, dohQuestion, flood, startDoh, startLocalServer, startTrickleSite, trickleBody, type LocalServer } from '../helpers/local-server.js';
import { domainObject } from '../helpers/rdap-server.js';

// What `whoserves lookup` refuses to do, run against the built command with
// hostile servers on 127.0.0.1. Each test names the local server that must
// not be reached and shows, where it can, the same server reached once the
// person allows it (so "nothing arrived" is not a server that was never up).

interface LookupJson {
  errors: { step: string; status: string; query: string; detail: string; role?: string; timeoutMs?: number }[];
  http?: { hops: { url: string; status: number }[] };
  registrar?: { name: string };
}

const json = (r: RunResult): LookupJson => {
  assert.ok(r.out.startsWith('{'), `no JSON on stdout (exit ${r.code}): ${r.err}`);
  return JSON.parse(r.out) as LookupJson;
};
const byQuery = (a: { query: string }, b: { query: string }) => a.query.localeCompare(b.query);
const ZONE_QUERIES = ['A www.example-shop.com', 'AAAA www.example-shop.com', 'MX example-shop.com', 'NS example-shop.com', 'SOA example-shop.com', 'TXT example-shop.com'];

/** A site on 127.0.0.1 that answers like a Cloudflare-fronted one, to anyone who reaches it. */
const startSite = () => startLocalServer((_req, res) => void res.writeHead(200, { server: 'cloudflare', 'cf-ray': '8c2b-FRA' }).end());

describe('whoserves lookup: the probe stays out of your network', () => {
  let site: LocalServer;
  let doh: Awaited<ReturnType<typeof startDoh>>;
  before(async () => {
    site = await startSite();
    doh = await startDoh((name, type, asked) => {
      if (type !== 'A') return [];
      if (name === 'local.test') return [a(name, '127.0.0.1')];
      // DNS rebinding: a public address while the lookup looks, this machine when it connects.
      if (name === 'rebind.test') return [a(name, asked === 1 ? '93.184.215.14' : '127.0.0.1')];
      return [];
    });
  });
  afterEach(() => site.requests.splice(0));
  after(async () => {
    await site?.close();
    await doh?.close();
  });

  it('does not connect to a site whose DoH answer is a local address, and says so', async () => {
    const url = `http://local.test:${site.port}/`;
    const r = await runCli(['lookup', '--json', '--no-rdap', '--doh', `${doh.origin}/dns-query`, url]);
    assert.equal(r.code, 0, r.err);
    const report = json(r);
    assert.deepEqual(report.errors.map(({ detail: _d, ...e }) => e), [{ step: 'http', role: 'edge', status: 'private-address', query: url }]);
    assert.match(report.errors[0]!.detail, /127\.0\.0\.1.*--allow-private/);
    assert.equal(report.http?.hops.length ?? 0, 0);
    assert.deepEqual(site.requests, [], 'no request reached the local site');
  });

  it('says so in the text output too, with the flag that allows it', async () => {
    const r = await runCli(['lookup', '--no-rdap', '--doh', `${doh.origin}/dns-query`, `http://local.test:${site.port}/`]);
    assert.match(r.out, new RegExp(`http://local\\.test:${site.port}/ was not asked: it leads into your own network`));
    assert.match(r.out, /--allow-private/);
    assert.deepEqual(site.requests, []);
  });

  it('connects with --allow-private (the same site is there to be reached)', async () => {
    const r = await runCli(['lookup', '--json', '--no-rdap', '--allow-private', '--doh', `${doh.origin}/dns-query`, `http://local.test:${site.port}/`]);
    assert.deepEqual(json(r).errors, []);
    assert.deepEqual(site.requests, [`HEAD local.test:${site.port}/`]);
  });

  it('DNS rebinding: a name that was public when looked up and local when connected to is not connected to', async () => {
    const url = `http://rebind.test:${site.port}/`;
    const r = await runCli(['lookup', '--json', '--no-rdap', '--doh', `${doh.origin}/dns-query`, url]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(json(r).errors.map((e) => [e.step, e.status, e.query]), [['http', 'private-address', url]]);
    assert.deepEqual(site.requests, [], 'the address checked is the address connected to');
  });
});

describe('whoserves lookup: registry and resolver redirects stay with the servers you named', () => {
  // The server you named with --rdap or --doh may be on this machine; where it redirects to may not, unless it is itself.
  let inside: LocalServer; // another local service, never named on the command line
  let rdap: LocalServer;
  let doh: LocalServer;
  let resolver: LocalServer;
  before(async () => {
    inside = await startLocalServer(async (req, res) => {
      if (req.url?.startsWith('/dns-query') === true) {
        const q = await dohQuestion(req);
        if (q === undefined) return void res.writeHead(400).end();
        return dohAnswer(res, q, q.type === 'A' ? [a(q.name, '13.32.1.1', 60)] : []);
      }
      res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(domainObject('example-shop.com', { name: 'Inside Registrar', ianaId: '1', abuseEmail: 'abuse@inside.example' })));
    });
    rdap = await startLocalServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/domain/lan-shop.com') return void res.writeHead(302, { location: `${inside.origin}/domain/lan-shop.com` }).end();
      if (path === '/domain/named-shop.com') return void res.writeHead(302, { location: `http://localhost:${inside.port}/domain/named-shop.com` }).end();
      if (path === '/domain/mapped-shop.com') return void res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${inside.port}/domain/mapped-shop.com` }).end();
      if (path === '/domain/self-shop.com') return void res.writeHead(301, { location: '/registry/domain/self-shop.com' }).end();
      if (path === '/registry/domain/self-shop.com') return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(domainObject('self-shop.com', { name: 'Self Registrar', ianaId: '2', abuseEmail: 'abuse@self.example' })));
      res.writeHead(404).end();
    });
    doh = await startLocalServer((req, res) => void res.writeHead(307, { location: `${inside.origin}${req.url ?? '/'}` }).end());
    resolver = await startDoh(() => []);
  });
  afterEach(() => inside.requests.splice(0));
  after(async () => {
    for (const s of [inside, rdap, doh, resolver]) await s?.close();
  });

  const rdapLookup = (domain: string, ...extra: string[]) => runCli(['lookup', '--json', '--no-http', '--timeout', '2000', '--rdap', `${rdap.origin}/`, '--doh', `${resolver.origin}/dns-query`, ...extra, domain]);

  for (const [domain, where] of [
    ['lan-shop.com', 'another port of this machine'],
    ['named-shop.com', 'a name the system resolves to this machine'],
    ['mapped-shop.com', 'this machine written as an IPv4-mapped IPv6 literal'],
  ] as const) {
    it(`refuses an RDAP redirect to ${where}`, async () => {
      const r = await rdapLookup(domain);
      const errors = json(r).errors.filter((e) => e.step === 'rdap-domain');
      assert.deepEqual(errors.map((e) => [e.status, e.query]), [['unreachable', domain]]);
      assert.match(errors[0]!.detail, /not connecting/);
      assert.deepEqual(inside.requests.filter((q) => q.includes('/domain/')), [], 'the redirect target was not asked');
    });
  }

  it('follows a redirect that stays on the server you named', async () => {
    const r = await rdapLookup('self-shop.com');
    assert.equal(json(r).registrar?.name, 'Self Registrar');
  });

  it('follows the redirect into your network with --allow-private (the target is there to be reached)', async () => {
    const r = await rdapLookup('lan-shop.com', '--allow-private');
    assert.equal(json(r).registrar?.name, 'Inside Registrar');
    assert.deepEqual(inside.requests.filter((q) => q.includes('/domain/')), [`GET 127.0.0.1:${inside.port}/domain/lan-shop.com`]);
  });

  it('refuses a DoH redirect to a local server you did not name', async () => {
    const r = await runCli(['lookup', '--json', '--no-http', '--no-rdap', '--timeout', '2000', '--doh', `${doh.origin}/dns-query`, 'www.example-shop.com']);
    assert.equal(r.code, 1, 'nothing resolved');
    const errors = json(r).errors;
    assert.deepEqual(errors.map((e) => `${e.status} ${e.query}`).sort(), ZONE_QUERIES.map((q) => `unreachable ${q}`));
    assert.deepEqual(inside.requests, [], 'no question reached the other server');
    const allowed = await runCli(['lookup', '--json', '--no-http', '--no-rdap', '--allow-private', '--doh', `${doh.origin}/dns-query`, 'www.example-shop.com']);
    assert.equal(allowed.code, 0, 'with --allow-private the same redirect is followed');
    assert.ok(inside.requests.length > 0);
  });
});

describe('whoserves lookup: every request has an overall deadline', () => {
  // Servers that send one byte every 300 ms and never finish: an idle timeout would wait for ever.
  // Each server measures how long the command kept its connections open (the command's start-up,
  // which a loaded machine can stretch to seconds, is not in that); a whole run that hangs is killed.
  const TIMEOUT = 700;
  const MARGIN = 1500; // the deadline's timer firing late on a busy machine; a safety net, not a measurement
  const KILL = 15_000;
  const endedInTime = async (r: RunResult, spans: number[], connections: number) => {
    assert.ok(!r.err.includes('killed by the test'), `still running after ${KILL} ms`);
    // The command has exited; its last connection's close may still be on its way to the server.
    for (let i = 0; i < 50 && spans.length < connections; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(spans.length, connections, `${spans.length} of ${connections} connections closed`);
    for (const ms of spans) assert.ok(ms < TIMEOUT + MARGIN, `a connection stayed open ${Math.round(ms)} ms`);
  };
  let trickleSite: Awaited<ReturnType<typeof startTrickleSite>>;
  let trickleDoh: LocalServer;
  let trickleRdap: LocalServer;
  let doh: Awaited<ReturnType<typeof startDoh>>;
  const results: Record<'site' | 'resolver' | 'registry', RunResult | undefined> = { site: undefined, resolver: undefined, registry: undefined };
  before(async () => {
    trickleSite = await startTrickleSite();
    trickleDoh = await startLocalServer((_req, res) => trickleBody(res, { 'content-type': 'application/dns-message' }));
    trickleRdap = await startLocalServer((_req, res) => trickleBody(res, { 'content-type': 'application/rdap+json' }));
    doh = await startDoh((name, type) => (type !== 'A' ? [] : name === 'slow.test' ? [a(name, '127.0.0.1')] : name === 'www.example-shop.com' ? [a(name, '13.32.1.1')] : []));
    // The three run at once: each alone would take as long.
    const common = ['lookup', '--json', '--timeout', String(TIMEOUT)];
    const [site, resolver, registry] = await Promise.all([
      runCli([...common, '--no-rdap', '--allow-private', '--doh', `${doh.origin}/dns-query`, `http://slow.test:${trickleSite.port}/`], { killAfterMs: KILL }),
      runCli([...common, '--no-rdap', '--no-http', '--doh', `${trickleDoh.origin}/dns-query`, 'www.example-shop.com'], { killAfterMs: KILL }),
      runCli([...common, '--no-http', '--rdap', `${trickleRdap.origin}/`, '--doh', `${doh.origin}/dns-query`, 'www.example-shop.com'], { killAfterMs: KILL }),
    ]);
    Object.assign(results, { site, resolver, registry });
  });
  after(async () => {
    await trickleSite?.close();
    for (const s of [trickleDoh, trickleRdap, doh]) await s?.close();
  });

  it('a site whose headers trickle in: the probe gives up at --timeout', async () => {
    const r = results.site!;
    await endedInTime(r, trickleSite.connectionSpans, 1);
    assert.deepEqual(json(r).errors.map((e) => [e.step, e.status, e.query]), [['http', 'timeout', `http://slow.test:${trickleSite.port}/`]]);
    assert.equal(trickleSite.connections, 1, 'no GET fallback, no retry after the deadline');
  });

  it('a resolver whose answers trickle in: every question times out, and the lookup says nothing resolved', async () => {
    const r = results.resolver!;
    await endedInTime(r, trickleDoh.connectionSpans, ZONE_QUERIES.length);
    assert.equal(r.code, 1);
    assert.deepEqual(json(r).errors.sort(byQuery), ZONE_QUERIES.map((query) => ({ step: 'dns', status: 'timeout', query, detail: `no answer within ${TIMEOUT} ms`, timeoutMs: TIMEOUT, ...(query.startsWith('A') ? {} : { role: query.startsWith('N') || query.startsWith('S') ? 'dns' : 'email' }) })));
  });

  it('a registry whose answers trickle in: both RDAP questions time out', async () => {
    const r = results.registry!;
    await endedInTime(r, trickleRdap.connectionSpans, 2);
    assert.equal(r.code, 0);
    assert.deepEqual(json(r).errors.map((e) => [e.step, e.status, e.query]).sort(), [['rdap-domain', 'timeout', 'example-shop.com'], ['rdap-ip', 'timeout', '13.32.1.1']]);
  });
});

describe('whoserves lookup: answers are read up to a cap', () => {
  const FLOOD = 48 << 20;
  let floodDoh: LocalServer;
  let floodRdap: LocalServer;
  let doh: Awaited<ReturnType<typeof startDoh>>;
  const taken: number[] = [];
  const results: Record<'resolver' | 'registry', RunResult | undefined> = { resolver: undefined, registry: undefined };
  before(async () => {
    floodDoh = await startLocalServer(async (_req, res) => void taken.push(await flood(res, { 'content-type': 'application/dns-message' }, FLOOD)));
    floodRdap = await startLocalServer(async (_req, res) => void taken.push(await flood(res, { 'content-type': 'application/rdap+json' }, FLOOD, 0x7b)));
    doh = await startDoh((name, type) => (type === 'A' && name === 'www.example-shop.com' ? [a(name, '13.32.1.1')] : []));
    const [resolver, registry] = await Promise.all([
      runCli(['lookup', '--json', '--no-http', '--no-rdap', '--doh', `${floodDoh.origin}/dns-query`, 'www.example-shop.com'], { measureRss: true }),
      runCli(['lookup', '--json', '--no-http', '--rdap', `${floodRdap.origin}/`, '--doh', `${doh.origin}/dns-query`, 'www.example-shop.com'], { measureRss: true }),
    ]);
    Object.assign(results, { resolver, registry });
  });
  after(async () => {
    for (const s of [floodDoh, floodRdap, doh]) await s?.close();
  });

  it('a resolver answering 48 MB: each answer is cut off past a DNS message\'s size and named malformed', () => {
    const r = results.resolver!;
    assert.deepEqual(json(r).errors.sort(byQuery), ZONE_QUERIES.map((query) => ({ step: 'dns', status: 'malformed', query, detail: 'the answer is larger than a DNS message can be', ...(query.startsWith('A') ? {} : { role: query.startsWith('N') || query.startsWith('S') ? 'dns' : 'email' }) })));
  });

  it('a registry answering 48 MB: cut off at its cap and named too large', () => {
    const r = results.registry!;
    assert.deepEqual(json(r).errors.map((e) => [e.step, e.status, e.query, e.detail]).sort(), [
      ['rdap-domain', 'malformed', 'example-shop.com', 'the answer is too large'],
      ['rdap-ip', 'malformed', '13.32.1.1', 'the answer is too large'],
    ]);
  });

  it('hangs up instead of reading on: the servers could hand over only a fraction of what they had', () => {
    assert.equal(taken.length, ZONE_QUERIES.length + 2);
    // What the client took is its cap plus what the two sockets' kernel buffers held when it hung up.
    for (const t of taken) assert.ok(t < FLOOD / 4, `a server handed over ${(t / 2 ** 20).toFixed(1)} MB of ${FLOOD / 2 ** 20}`);
    for (const r of [results.resolver!, results.registry!]) assert.ok(r.peakRss! < 150 << 20, `peak RSS ${(r.peakRss! / 2 ** 20).toFixed(0)} MB`);
  });
});
