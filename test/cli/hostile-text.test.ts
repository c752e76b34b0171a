import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';
import { a, startDoh, startLocalServer, type LocalServer } from '../helpers/local-server.js';
import { domainObject, networkObject } from '../helpers/rdap-server.js';

// Text from a hostile registry or zone, printed by `whoserves lookup`: in text
// output every control character is escaped (an ANSI sequence could clear the
// screen, retitle the window or forge a line); in JSON output it stays a JSON
// escape and the value parses back unchanged.

describe('whoserves lookup: text from the network cannot drive your terminal', () => {
  const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m';
  let rdap: LocalServer;
  let doh: Awaited<ReturnType<typeof startDoh>>;
  const cnameTarget = `evil${HOSTILE.toLowerCase()}.example`;
  before(async () => {
    rdap = await startLocalServer((req, res) => {
      const body = req.url === '/domain/hostile-shop.com' ? domainObject('hostile-shop.com', { name: `Evil${HOSTILE} Registrar`, ianaId: '666', abuseEmail: 'abuse@evil.example' }) : req.url === '/ip/13.32.1.1' ? networkObject('13.32.0.0', '13.33.255.255', `NET${HOSTILE}`, `Owner\n    Contact for abuse: forged@evil.example`, 'abuse@evil.example') : undefined;
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(body));
    });
    doh = await startDoh((name, type) => {
      if (name === 'www.hostile-shop.com' && (type === 'A' || type === 'CNAME')) return [{ type: 'CNAME', name, ttl: 60, data: cnameTarget }, ...(type === 'A' ? [a(cnameTarget, '13.32.1.1', 60)] : [])];
      return [];
    });
  });
  after(async () => {
    await rdap?.close();
    await doh?.close();
  });
  const args = () => ['--no-http', '--rdap', `${rdap.origin}/`, '--doh', `${doh.origin}/dns-query`, 'www.hostile-shop.com'];

  it('prints control characters from a registry and from DNS escaped, as \\x1b', async () => {
    const r = await runCli(['lookup', ...args()]);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no raw control character reaches the terminal');
    const escaped = '\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m';
    assert.ok(r.out.includes(`Evil${escaped} Registrar`), r.out);
    assert.ok(r.out.includes(`NET${escaped}`), 'the network name');
    assert.ok(r.out.includes(`evil${escaped.toLowerCase()}.example`), 'the CNAME from DNS');
    assert.ok(r.out.includes('Owner\\x0a    Contact for abuse: forged@evil.example'), 'a newline in a registry\'s text cannot forge a line');
    assert.doesNotMatch(r.out, /^\s*Contact for abuse: forged/m);
  });

  it('keeps them as JSON escapes in JSON output, the values intact', async () => {
    const r = await runCli(['lookup', '--json', ...args()]);
    assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'no raw control character in the JSON text');
    assert.ok(r.out.includes('\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m'));
    const report = JSON.parse(r.out) as { registrar?: { name: string }; network?: { name?: string }; dns: { cname: string[] } };
    assert.equal(report.registrar?.name, `Evil${HOSTILE} Registrar`);
    assert.equal(report.network?.name, `NET${HOSTILE}`);
    assert.deepEqual(report.dns.cname, [cnameTarget]);
  });
});
