import { isObject } from '../is-object.js';
import { isEmailAddress } from '../email-address.js';

type Json = Record<string, unknown>;

/** A property of an entity's jCard (RFC 7095): `["vcard", [[name, params, type, value], …]]`, without mailto:/tel:. */
export function vcard(entity: Json, property: string): string | undefined {
  const card = entity.vcardArray;
  if (!Array.isArray(card) || !Array.isArray(card[1])) return undefined;
  for (const p of card[1] as unknown[]) {
    if (Array.isArray(p) && p[0] === property) {
      const value = p[3];
      if (typeof value === 'string') return value.replace(/^(mailto|tel):/i, '').slice(0, 200);
    }
  }
  return undefined;
}

export const entities = (obj: Json): Json[] => (Array.isArray(obj.entities) ? obj.entities.filter(isObject) : []);
export const hasRole = (e: Json, role: string) => Array.isArray(e.roles) && e.roles.includes(role);

/** A string field of registry JSON, cut to a length a screen can show; anything else is ignored. */
export const text = (v: unknown, max = 200): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : undefined);

/** The abuse contact of an object: an entity with the abuse role, directly or one level down (RIRs nest it under the registrant). */
export function abuseContact(obj: Json): { email?: string; phone?: string } {
  const all = [...entities(obj), ...entities(obj).flatMap(entities)];
  const abuse = all.find((e) => hasRole(e, 'abuse'));
  if (abuse === undefined) return {};
  const out: { email?: string; phone?: string } = {};
  // Registry text goes into links: only a plain address is kept.
  const email = vcard(abuse, 'email');
  const phone = vcard(abuse, 'tel')?.replace(/[^0-9+().\- x]/g, '').slice(0, 40);
  if (email !== undefined && isEmailAddress(email)) out.email = email;
  if (phone !== undefined && phone !== '') out.phone = phone;
  return out;
}
