import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as packet from '@leichtgewicht/dns-packet';
import { readResponse } from '../../src/core/dns/doh-query.js';
import { readRegistrar } from '../../src/core/rdap/rdap-domain.js';
import { readNetwork } from '../../src/core/rdap/rdap-ip.js';
import { cookieNames, pickHeaders } from '../../src/core/headers.js';
import { lookupTarget, pageTarget } from '../../src/core/page-target.js';
import { parseIp, parseIPv4 } from '../../src/core/ip/parse-ip.js';
import { classify } from '../../src/core/classify.js';
import { parseObservation, ObservationError } from '../../src/core/parse-observation.js';
import { spfMechanisms } from '../../src/core/spf.js';
import type { Engine } from '../../src/core/engine.js';
import { readHistory } from '../../src/core/history.js';
import { readSettings } from '../../src/core/settings.js';
import { isEmailAddress } from '../../src/core/email-address.js';
import { isLookupSubject } from '../../src/protocol.js';

// Properties over everything that reads what strangers send: DNS answers,
// RDAP JSON, response headers, hosts people type, observations. Each must
// never throw (or throw only its documented error) and must keep its bounds.
// Shared by `npm test` (a small slice) and `npm run fuzz` (millions of runs).

const anyJson = fc.jsonValue({ maxDepth: 4 });

// JSON as a hostile server writes it: prototype-named and meaningful keys, huge strings, and
// nesting thousands deep, which recursive code or coercions (String(x), `${x}`) would trip on.
const telling = fc.constantFrom('__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', 'entities', 'roles', 'vcardArray', 'publicIds', 'type', 'identifier', 'objectClassName', 'name', 'handle', 'host', 'ips', 'headers', 'current', 'changes', 'seenAt', 'kind', 'input', 'origin', 'tabId');
const leaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.nat(20_000).map((n) => 'A'.repeat(n)), fc.constantFrom('ip network', 'registrar', 'abuse', 'IANA Registrar ID', 'tab', 'link', 'edge', 'cdn'));
const { node: shallowJson } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(telling, tie('node'), { maxKeys: 5 })),
}));
/** Nesting thousands deep, as text: built as a string, since building it as objects and serialising it would itself recurse. */
const deepText = fc.tuple(fc.nat(3000), shallowJson, fc.boolean()).map(([depth, inner, arrays]) => {
  const [open, close] = arrays ? ['[', ']'] : ['{"entities":[', ']}'];
  return `${open.repeat(depth)}${JSON.stringify(inner) ?? 'null'}${close.repeat(depth)}`;
});
const hostileJson = fc.oneof(
  shallowJson,
  deepText.map((text) => JSON.parse(text) as unknown),
  // Keys such as __proto__ as JSON.parse makes them: own properties, not the prototype.
  shallowJson.map((v) => JSON.parse(JSON.stringify(v).replace(/"(toString|valueOf)"/g, '"__proto__"')) as unknown),
);
/** A body as bytes: JSON text, deep or not, with invalid UTF-8 spliced in. */
const hostileBytes = fc.tuple(fc.oneof(deepText, shallowJson.map((v) => JSON.stringify(v) ?? 'null')), fc.uint8Array({ maxLength: 16 }), fc.nat()).map(([json, junk, at]) => {
  const text = new TextEncoder().encode(json);
  const cut = text.length === 0 ? 0 : at % text.length;
  return Uint8Array.from([...text.subarray(0, cut), ...junk.map((b) => b | 0x80), ...text.subarray(cut)]);
});

const hostish = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.domain(),
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('mailto:a@b.c', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', '[::1]', 'xn--', 'a'.repeat(300), '..', '.', '1.2.3.4.5', '[fe80::1%eth0]'),
);

/** A DNS message that is real, or real and then damaged. */
const dnsBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.record({ name: fc.domain(), ttl: fc.nat(), ip: fc.ipV4(), cut: fc.nat(200), flip: fc.nat(255) }).map(({ name, ttl, ip, cut, flip }) => {
    const bytes = packet.encode({ type: 'response', id: 0, flags: packet.RECURSION_DESIRED, questions: [{ type: 'A', name }], answers: [{ type: 'A', name, ttl, data: ip }, { type: 'CNAME', name, ttl, data: `x.${name}` }] });
    const damaged = bytes.slice(0, Math.max(12, bytes.length - cut));
    if (damaged.length > 13) damaged[13] = flip;
    return damaged;
  }),
);

export function properties(engine: Engine): [string, fc.IProperty<never>][] {
  const p = <T>(name: string, arb: fc.Arbitrary<T>, check: (v: T) => void): [string, fc.IProperty<never>] => [name, fc.property(arb, check) as unknown as fc.IProperty<never>];
  return [
    p('DNS answers: any bytes give an outcome, never an exception', dnsBytes, (bytes) => {
      const out = readResponse('example.com', 'A', bytes);
      assert.ok(['ok', 'nxdomain', 'servfail', 'refused', 'truncated', 'malformed'].includes(out.status));
      assert.ok(out.ttl >= 0);
    }),
    p('RDAP: any JSON gives a registrar or nothing, with bounded text', anyJson, (json) => {
      const r = readRegistrar(json, 'u');
      if (r !== undefined) assert.ok(r.name.length <= 200);
      const n = readNetwork(json, 'u');
      if (n !== undefined) assert.ok((n.name ?? '').length <= 200);
    }),
    p('headers: any header list is picked within bounds, cookie values never kept', fc.array(fc.record({ name: fc.string({ maxLength: 30 }), value: fc.string({ maxLength: 400 }) }, { requiredKeys: ['name'] }), { maxLength: 60 }), (raw) => {
      const picked = pickHeaders(raw, new Set(['server', 'via', 'cf-ray', 'set-cookie']));
      for (const values of Object.values(picked)) {
        assert.ok(values.length <= 8);
        for (const v of values) assert.ok(v.length <= 256);
      }
      assert.equal(picked['set-cookie'], undefined);
      const names = cookieNames(raw);
      assert.ok(names.length <= 32 && names.every((n) => !n.includes('=')));
    }),
    p('hosts: anything typed gives a normalised host or a reason, never an exception', hostish, (input) => {
      const target = lookupTarget(input);
      if (target.ok) {
        assert.equal(target.host, target.host.toLowerCase());
        assert.ok(target.host.length > 0 && target.host.length <= 253);
        assert.ok(!target.host.endsWith('.'));
      } else assert.ok(target.reason.length > 0);
      pageTarget(input);
    }),
    p('IP parsing: the fast and the general parser agree on IPv4', fc.oneof(fc.ipV4(), fc.string({ maxLength: 20 })), (s) => {
      const n = parseIPv4(s);
      const ip = parseIp(s);
      if (n >= 0) assert.equal(ip?.text, s);
    }),
    p('observations: any JSON is parsed or refused with ObservationError, and classification never throws', anyJson, (json) => {
      try {
        const obs = parseObservation(json);
        classify(engine, obs);
      } catch (err) {
        assert.ok(err instanceof ObservationError, String(err));
      }
    }),
    p('RDAP, hostile: any body, deep or huge or not UTF-8, gives a bounded record or nothing', hostileBytes, (bytes) => {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        return; // rdapFetch turns this into "malformed"
      }
      const r = readRegistrar(json, 'u');
      if (r !== undefined) assert.ok(r.name.length <= 200 && (r.ianaId === undefined || /^\d+$/.test(r.ianaId)));
      const n = readNetwork(json, 'u');
      if (n !== undefined) assert.ok((n.name ?? '').length <= 200 && (n.abuseEmail === undefined || isEmailAddress(n.abuseEmail)));
    }),
    p('observations, hostile: parsed or refused with ObservationError, never anything else', hostileJson, (json) => {
      try {
        classify(engine, parseObservation(json));
      } catch (err) {
        assert.ok(err instanceof ObservationError, String(err));
      }
    }),
    p('stored history, hostile: always repaired into valid, bounded history', hostileJson, (json) => {
      const history = readHistory(json);
      assert.ok(Object.keys(history).length <= 500);
      for (const entry of Object.values(history)) {
        assert.ok(Number.isFinite(entry.seenAt) && entry.changes.length <= 10);
        for (const names of Object.values(entry.current)) assert.ok(names!.every((n) => typeof n === 'string' && n.length <= 100));
      }
    }),
    p('stored settings, hostile: always valid settings', hostileJson, (json) => {
      const s = readSettings(json);
      assert.equal(typeof s.resolver, 'string');
      assert.equal(typeof s.history, 'boolean');
    }),
    p('popup requests, hostile: a lookup subject or refused', hostileJson, (json) => {
      if (isLookupSubject(json)) assert.ok(json.kind === 'tab' ? Number.isInteger(json.tabId) : json.input.length <= 2048);
    }),
    p('classification: random but well-formed observations classify within bounds', fc.record({
      host: fc.domain(),
      ips: fc.array(fc.oneof(fc.ipV4(), fc.ipV6()), { maxLength: 4 }),
      headers: fc.dictionary(fc.constantFrom('server', 'via', 'cf-ray', 'x-cache', 'x-served-by', 'x-amz-cf-id', 'x-vercel-id'), fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 })),
      cname: fc.array(fc.domain(), { maxLength: 4 }),
      ns: fc.array(fc.domain(), { maxLength: 4 }),
      txt: fc.array(fc.string({ maxLength: 200 }), { maxLength: 4 }),
    }), (obs) => {
      const report = classify(engine, obs);
      for (const r of report.providers) {
        assert.ok(r.confidence > 0 && r.confidence <= 0.99);
        assert.ok(r.evidence.length > 0);
      }
      assert.ok(report.providers.filter((r) => r.role === 'edge' && r.behind === undefined).length <= 1, 'one edge at most');
      spfMechanisms(obs.txt);
    }),
  ];
}
