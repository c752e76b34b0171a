import type { ProviderInfo } from '../engine.js';
import type { ProviderResult } from '../types.js';
import type { RegistrarInfo } from './rdap-domain.js';
import { REGISTRAR_NOTE } from '../unlisted-notes.js';

/**
 * The registrar as a provider in the report, straight from the registry's
 * record: its name, its IANA id, and the abuse contact the registry lists.
 */
export function registrarResult(r: RegistrarInfo): { result: ProviderResult; info: ProviderInfo } {
  const id = `registrar-${r.ianaId ?? r.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const result: ProviderResult = {
    id,
    name: r.name,
    role: 'registrar',
    confidence: 0.95,
    evidence: [{ kind: 'rdap', url: r.source, detail: `the registry's RDAP record names ${r.name}${r.ianaId === undefined ? '' : ` (IANA registrar ${r.ianaId})`} as registrar` }],
  };
  const info: ProviderInfo = {
    id,
    name: r.name,
    homepage: '',
    badge: 'REG',
    color: '#6e7781',
    roles: ['registrar'],
    abuse: { note: REGISTRAR_NOTE },
  };
  if (r.abuseEmail !== undefined && /^[^@\s]+@[^@\s]+$/.test(r.abuseEmail)) info.abuse.email = r.abuseEmail;
  return { result, info };
}
