import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify, edgeOf } from '../../src/core/classify.js';
import { parseObservation } from '../../src/core/parse-observation.js';
import type { Report, Role } from '../../src/core/types.js';
import { realCatalogue, realEngine } from './engine-fixture.js';
import { unlistedDomainOf } from '../../src/core/unlisted-company.js';

// Table-driven cases kept as data (test/fixtures/README.md): one file per
// provider, and real observations with their public source.

interface Expect {
  edge?: string | null;
  edgeService?: string;
  hosting?: string | null;
  hostingService?: string;
  dns?: string | null;
  email?: string | null;
  originHidden?: boolean;
  blockPage?: 'challenge' | 'block' | 'error' | null;
}

interface Case {
  name: string;
  source?: string;
  observation: unknown;
  expect: Expect;
}

const fixtures = (dir: string) => {
  const path = fileURLToPath(new URL(`../fixtures/${dir}/`, import.meta.url));
  return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((file) => ({ file, cases: JSON.parse(readFileSync(path + file, 'utf8')) as Case[] }));
};

// `null` means no company the catalogue or the ASN table names; a company named only by its
// domain (`domain:…`, a lead, not a claim) may still be there, and an expectation can name it.
const first = (report: Report, role: Role, expected: string | null | undefined) =>
  report.providers.find((p) => p.role === role && (expected?.startsWith('domain:') === true || unlistedDomainOf(p.id) === undefined));

function check(c: Case): void {
  const report = classify(realEngine(), parseObservation(c.observation));
  const got = JSON.stringify(report.providers.map((p) => `${p.role}:${p.id}${p.behind ? `<${p.behind}` : ''}`));
  const e = c.expect;
  if ('edge' in e) assert.equal(edgeOf(report)?.id ?? null, e.edge, `edge; got ${got}`);
  if (e.edgeService !== undefined) assert.equal(edgeOf(report)?.service, e.edgeService, 'edge service');
  for (const role of ['hosting', 'dns', 'email'] as const) if (role in e) assert.equal(first(report, role, e[role])?.id ?? null, e[role], `${role}; got ${got}`);
  if (e.hostingService !== undefined) assert.equal(first(report, 'hosting', e.hosting)?.service, e.hostingService, 'hosting service');
  if (e.originHidden !== undefined) assert.equal(report.originHidden, e.originHidden, 'originHidden');
  if (e.blockPage !== undefined) assert.equal(report.blockPage?.kind ?? null, e.blockPage, 'blockPage');
  for (const p of report.providers) {
    assert.ok(p.evidence.length > 0, `${p.id} has evidence`);
    assert.ok(p.confidence > 0 && p.confidence < 1, `${p.id} confidence in (0,1)`);
  }
}

describe('provider cases (test/fixtures/provider-cases)', () => {
  const all = fixtures('provider-cases');
  for (const { file, cases } of all) {
    describe(file, () => {
      for (const c of cases) it(c.name, () => check(c));
    });
  }

  it('every provider in the catalogue has a case file naming it', () => {
    const named = new Set(all.flatMap(({ cases }) => cases.flatMap((c) => Object.values(c.expect).filter((v): v is string => typeof v === 'string'))));
    const missing = realCatalogue().providers.map((p) => p.id).filter((id) => !named.has(id));
    assert.deepEqual(missing, [], 'providers without a case');
  });
});
