import type { ProviderEntry } from './types.js';
import { ROLES, type Role } from '../types.js';
import { isObject } from '../is-object.js';
import { LOCALES } from '../locales.js';
import { isEmailAddress } from '../email-address.js';

// Hand-written schema check: the catalogue is small and its rules (regexes that
// compile, roles a provider declares) go beyond what a JSON schema expresses.

type Json = Record<string, unknown>;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const SUFFIX = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
const COLOR = /^#[0-9a-f]{6}$/;
const RANGE_FILE = /^[a-z0-9-]+\.txt$/;

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** A text given in every locale whoserves ships (see locales.ts). */
function checkLocalised(value: unknown, where: string, errors: string[]): void {
  if (!isObject(value)) return void errors.push(`${where} must be an object with a text per locale (${LOCALES.join(', ')})`);
  checkKeys(value, LOCALES, where, errors);
  for (const locale of LOCALES) {
    const text = value[locale];
    if (typeof text !== 'string' || text.trim() === '') errors.push(`${where}.${locale} is required`);
  }
}

function checkKeys(obj: Json, allowed: readonly string[], where: string, errors: string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) errors.push(`${where}: unknown field "${key}"`);
}

function checkConfidenceAndService(sig: Json, where: string, errors: string[]): void {
  if (sig.service !== undefined && (typeof sig.service !== 'string' || sig.service === '')) errors.push(`${where}: service must be a non-empty string`);
  if (typeof sig.confidence !== 'number' || !(sig.confidence > 0 && sig.confidence < 1)) errors.push(`${where}: confidence must be a number in (0, 1)`);
}

/** Checks the fields every signature shares; `own` names the field that identifies it. */
function checkSignature(sig: unknown, own: readonly string[], where: string, roles: Role[], errors: string[]): sig is Json {
  if (!isObject(sig)) {
    errors.push(`${where}: must be an object`);
    return false;
  }
  checkKeys(sig, [...own, 'role', 'service', 'confidence'], where, errors);
  if (!isRole(sig.role)) errors.push(`${where}: role must be one of ${ROLES.join(', ')}`);
  else if (!roles.includes(sig.role)) errors.push(`${where}: role "${sig.role}" is not in the provider's roles`);
  checkConfidenceAndService(sig, where, errors);
  return true;
}

function checkList(value: unknown, where: string, errors: string[], each: (item: unknown, at: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${where}: must be a non-empty array when present`);
    return;
  }
  value.forEach((item, i) => each(item, `${where}[${i}]`));
}

/** Returns every problem with one provider entry; an empty list means it is valid. */
export function validateProvider(entry: unknown, fileId?: string): string[] {
  const errors: string[] = [];
  const where = fileId ?? 'provider';
  if (!isObject(entry)) return [`${where}: must be a JSON object`];
  checkKeys(entry, ['$comment', 'id', 'name', 'homepage', 'badge', 'color', 'roles', 'abuse', 'headers', 'cookies', 'domains', 'ns', 'mx', 'spf', 'asns', 'ranges', 'runsOn', 'blockPages', 'hostsWhatItServes', 'ianaRegistrarIds', 'sources'], where, errors);

  if (typeof entry.id !== 'string' || !ID.test(entry.id)) errors.push(`${where}: id must be lower-case kebab-case`);
  else if (fileId !== undefined && entry.id !== fileId) errors.push(`${where}: id "${entry.id}" must match its file name`);
  if (typeof entry.name !== 'string' || entry.name.trim() === '') errors.push(`${where}: name is required`);
  if (typeof entry.homepage !== 'string' || !/^https:\/\/[^/]+\//.test(entry.homepage)) errors.push(`${where}: homepage must be an https:// URL`);
  if (typeof entry.badge !== 'string' || entry.badge.length < 1 || entry.badge.length > 4) errors.push(`${where}: badge must be 1-4 characters`);
  if (typeof entry.color !== 'string' || !COLOR.test(entry.color)) errors.push(`${where}: color must be #rrggbb (lower case)`);

  const roles: Role[] = [];
  if (!Array.isArray(entry.roles) || entry.roles.length === 0) errors.push(`${where}: roles must be a non-empty array`);
  else for (const role of entry.roles) {
    if (isRole(role)) roles.push(role);
    else errors.push(`${where}: unknown role ${JSON.stringify(role)}`);
  }

  const abuse = entry.abuse;
  if (!isObject(abuse)) errors.push(`${where}: abuse contact is required`);
  else {
    checkKeys(abuse, ['url', 'email', 'note', 'roleNotes'], `${where}.abuse`, errors);
    // A contact is shipped only when a source confirms it: the page is listed, and an address is quoted
    // in what a source says. Without one, the popup falls back to the abuse contact the network's or the
    // domain's registry lists, and says the catalogue knows none.
    const sources = Array.isArray(entry.sources) ? entry.sources.filter(isObject) : [];
    const confirmed = (text: string) => sources.some((src) => src.url === text || (typeof src.about === 'string' && src.about.includes(text)));
    if (typeof abuse.url === 'string' && !confirmed(abuse.url)) errors.push(`${where}.abuse.url: no source confirms ${abuse.url} (list the page, or quote it in a source's "about")`);
    if (typeof abuse.email === 'string' && !confirmed(abuse.email)) errors.push(`${where}.abuse.email: no source quotes ${abuse.email}`);
    if (abuse.url !== undefined && (typeof abuse.url !== 'string' || !abuse.url.startsWith('https://'))) errors.push(`${where}.abuse.url must be an https:// URL`);
    if (abuse.email !== undefined && (typeof abuse.email !== 'string' || !isEmailAddress(abuse.email))) errors.push(`${where}.abuse.email is not an address`);
    checkLocalised(abuse.note, `${where}.abuse.note`, errors);
    if (abuse.roleNotes !== undefined) {
      if (!isObject(abuse.roleNotes)) errors.push(`${where}.abuse.roleNotes must map roles to notes`);
      else for (const [role, note] of Object.entries(abuse.roleNotes)) {
        if (!isRole(role) || !roles.includes(role)) errors.push(`${where}.abuse.roleNotes: "${role}" is not one of the provider's roles`);
        checkLocalised(note, `${where}.abuse.roleNotes.${role}`, errors);
      }
    }
  }
  if (entry.hostsWhatItServes !== undefined && (entry.hostsWhatItServes !== true || !roles.includes('edge') || !roles.includes('hosting'))) {
    errors.push(`${where}.hostsWhatItServes: only true, for a provider with both the edge and hosting roles`);
  }
  checkList(entry.ianaRegistrarIds, `${where}.ianaRegistrarIds`, errors, (id, at) => {
    if (!Number.isInteger(id) || (id as number) < 1) errors.push(`${at}: must be an IANA registrar id (a whole number)`);
  });
  if (entry.ianaRegistrarIds !== undefined && !roles.includes('registrar')) errors.push(`${where}.ianaRegistrarIds: the provider needs the "registrar" role`);
  if (!Array.isArray(entry.sources) || entry.sources.length === 0) errors.push(`${where}: sources are required: the pages that back its signatures and its abuse contact`);
  checkList(entry.sources, `${where}.sources`, errors, (src, at) => {
    if (!isObject(src)) return void errors.push(`${at}: must be an object`);
    checkKeys(src, ['url', 'about'], at, errors);
    if (typeof src.url !== 'string' || !/^https?:\/\/[^/\s]+\/\S*$/.test(src.url)) errors.push(`${at}.url must be a web address`);
    if (typeof src.about !== 'string' || src.about.trim() === '') errors.push(`${at}.about must say what the page supports`);
  });

  checkList(entry.headers, `${where}.headers`, errors, (sig, at) => {
    if (!checkSignature(sig, ['header', 'match'], at, roles, errors)) return;
    if (typeof sig.header !== 'string' || !HEADER_NAME.test(sig.header)) errors.push(`${at}: header must be a lower-case header name`);
    if (sig.match !== undefined && (typeof sig.match !== 'string' || !compiles(sig.match))) errors.push(`${at}: match must be a valid regular expression`);
  });
  checkList(entry.cookies, `${where}.cookies`, errors, (sig, at) => {
    if (!checkSignature(sig, ['cookie'], at, roles, errors)) return;
    if (typeof sig.cookie !== 'string' || !compiles(sig.cookie)) errors.push(`${at}: cookie must be a valid regular expression`);
  });
  checkList(entry.domains, `${where}.domains`, errors, (sig, at) => {
    if (!checkSignature(sig, ['suffix'], at, roles, errors)) return;
    if (typeof sig.suffix !== 'string' || !SUFFIX.test(sig.suffix)) errors.push(`${at}: suffix must be a lower-case domain name`);
  });
  const impliedRole = (field: string, role: Role) => {
    if (entry[field] !== undefined && !roles.includes(role)) errors.push(`${where}.${field}: the provider needs the "${role}" role`);
  };
  const checkSuffixList = (field: 'ns' | 'mx') => checkList(entry[field], `${where}.${field}`, errors, (sig, at) => {
    if (!isObject(sig)) return void errors.push(`${at}: must be an object`);
    checkKeys(sig, ['suffix', 'match', 'service', 'confidence'], at, errors);
    if ((sig.suffix === undefined) === (sig.match === undefined)) errors.push(`${at}: needs exactly one of suffix or match`);
    if (sig.suffix !== undefined && (typeof sig.suffix !== 'string' || !SUFFIX.test(sig.suffix))) errors.push(`${at}: suffix must be a lower-case domain name`);
    if (sig.match !== undefined && (typeof sig.match !== 'string' || !compiles(sig.match) || !sig.match.endsWith('$'))) errors.push(`${at}: match must be a regular expression anchored with $`);
    checkConfidenceAndService(sig, at, errors);
  });
  impliedRole('ns', 'dns');
  checkSuffixList('ns');
  impliedRole('mx', 'email');
  checkSuffixList('mx');
  impliedRole('spf', 'email');
  checkList(entry.spf, `${where}.spf`, errors, (sig, at) => {
    if (!isObject(sig)) return void errors.push(`${at}: must be an object`);
    checkKeys(sig, ['include', 'service', 'confidence'], at, errors);
    if (typeof sig.include !== 'string' || !SUFFIX.test(sig.include.replace(/^_/, ''))) errors.push(`${at}: include must be a lower-case domain name`);
    checkConfidenceAndService(sig, at, errors);
  });
  checkList(entry.asns, `${where}.asns`, errors, (sig, at) => {
    if (!isObject(sig)) return void errors.push(`${at}: must be an object`);
    checkKeys(sig, ['asn', 'role', 'service'], at, errors);
    if (!Number.isInteger(sig.asn) || (sig.asn as number) < 1 || (sig.asn as number) > 4294967294) errors.push(`${at}: asn must be a whole number from 1 to 4294967294`);
    if (!isRole(sig.role) || !roles.includes(sig.role)) errors.push(`${at}: role must be one of the provider's roles`);
    if (sig.service !== undefined && (typeof sig.service !== 'string' || sig.service === '')) errors.push(`${at}: service must be a non-empty string`);
  });
  if (entry.runsOn !== undefined && (!Array.isArray(entry.runsOn) || !entry.runsOn.every((id) => typeof id === 'string' && ID.test(id)))) errors.push(`${where}.runsOn must be a list of provider ids`);

  checkList(entry.blockPages, `${where}.blockPages`, errors, (sig, at) => {
    if (!isObject(sig)) return void errors.push(`${at}: must be an object`);
    checkKeys(sig, ['kind', 'status', 'header', 'match'], at, errors);
    if (!['challenge', 'block', 'error'].includes(sig.kind as string)) errors.push(`${at}: kind must be challenge, block or error`);
    if (sig.status !== undefined && (!Array.isArray(sig.status) || !sig.status.every((s) => Number.isInteger(s) && s >= 100 && s <= 599))) errors.push(`${at}: status must be a list of HTTP status codes`);
    if (typeof sig.header !== 'string' || !HEADER_NAME.test(sig.header)) errors.push(`${at}: header must be a lower-case header name`);
    if (sig.match !== undefined && (typeof sig.match !== 'string' || !compiles(sig.match))) errors.push(`${at}: match must be a valid regular expression`);
  });
  checkList(entry.ranges, `${where}.ranges`, errors, (src, at) => {
    if (!isObject(src)) return void errors.push(`${at}: must be an object`);
    checkKeys(src, ['file', 'role', 'service'], at, errors);
    if (typeof src.file !== 'string' || !RANGE_FILE.test(src.file)) errors.push(`${at}: file must name a data/ranges/*.txt file`);
    if (!isRole(src.role) || !roles.includes(src.role)) errors.push(`${at}: role must be one of the provider's roles`);
    if (src.service !== undefined && typeof src.service !== 'string') errors.push(`${at}: service must be a string`);
  });

  const signatures = ['headers', 'cookies', 'domains', 'ns', 'mx', 'spf', 'asns', 'ranges'].filter((k) => entry[k] !== undefined);
  if (signatures.length === 0) errors.push(`${where}: needs at least one signature (headers, cookies, domains, ns, mx, spf, asns or ranges)`);
  return errors;
}

/** Narrowing helper for callers that already ran validateProvider. */
export function asProvider(entry: unknown): ProviderEntry {
  const errors = validateProvider(entry);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return entry as ProviderEntry;
}
