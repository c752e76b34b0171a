import type { ProviderInfo } from '../engine.js';
import { confidenceLevel, type ConfidenceLevel } from '../confidence.js';
import { isEmailAddress } from '../email-address.js';
import type { LocalisedText } from '../locales.js';
import type { NetworkRecord } from '../rdap/rdap-ip.js';
import { ROLES, type Evidence, type Role, type SpecialAddress } from '../types.js';
import { isUnlistedNetwork, unlistedDomainOf } from '../unlisted-company.js';
import { REGISTRAR_NOTE } from '../unlisted-notes.js';
import type { ResourceHost } from './resource-hosts.js';
import type { SiteModel } from './site-model.js';

// One summary for every output: the companies serving a site, one row each,
// the one that can act first; the popup, the copied report and the CLI all
// render these rows, so wording and order are decided once, here.

/** How sure a role claim is: a registry's record is a fact, a signature match an inference. */
export type Certainty = ConfidenceLevel | 'fact';

export interface RoleClaim {
  role: Role;
  service?: string;
  certainty: Certainty;
  /** For an edge layer the browser did not reach: the name of the edge in front of it. */
  behind?: string;
  evidence: Evidence[];
}

export interface Contact {
  url?: string;
  email?: string;
  phone?: string;
  /** Where the contact comes from: the catalogue (the company's own page) or a registry's record. */
  from: 'catalogue' | 'registry';
}

export interface CompanyRow {
  id: string;
  name: string;
  badge: string;
  color: string;
  homepage?: string;
  /** Most important first: edge, hosting, dns, email, registrar. */
  roles: RoleClaim[];
  contact?: Contact;
  /** What the company does with a report, worded for the most important role it plays here. */
  note: LocalisedText;
  /** Not a catalogue entry: a network known by its ASN, or a company known by its servers' domain. */
  unlisted?: 'network' | 'domain';
  /** The registry's record of the network the site's address is in, when this company holds it. */
  network?: NetworkRecord;
}

/** The one-sentence answer to "who can act on this site". */
export type WhoCanAct =
  /** The edge's own challenge, block or error page is showing, not the site. */
  | { case: 'block-page'; kind: 'challenge' | 'block' | 'error'; company: string }
  /** A proxy fronts the site and hides its host: report to the proxy, which forwards to the host. */
  | { case: 'proxy'; company: string }
  /** A proxy fronts a host that is known too: the host holds the content. */
  | { case: 'layered'; company: string; edge: string }
  /** A platform both hosts and serves the site. */
  | { case: 'platform'; company: string }
  /** Served straight from a hosting network. */
  | { case: 'origin'; company: string }
  /** Served from a network the catalogue does not know: what the registry says of it. */
  | { case: 'unknown-network'; company: string }
  /** The site answered from this computer or the person's own network: no company serves it. */
  | { case: 'local-address'; address: string; kind: SpecialAddress }
  /** Nothing names who serves the site (yet): no address was seen or resolved. */
  | { case: 'nothing' };

export interface ResourceGroup {
  company?: { id: string; name: string; role: 'edge' | 'hosting' };
  hosts: ResourceHost[];
  requests: number;
}

export interface Summary {
  whoCanAct: WhoCanAct;
  rows: CompanyRow[];
}

const rank = (role: Role) => ROLES.indexOf(role);

function contactOf(info: ProviderInfo): Contact | undefined {
  const { url, email } = info.abuse;
  if (url === undefined && (email === undefined || !isEmailAddress(email))) return undefined;
  const c: Contact = { from: 'catalogue' };
  if (url !== undefined) c.url = url;
  if (email !== undefined && isEmailAddress(email)) c.email = email;
  return c;
}

function registryContact(email: string | undefined, phone: string | undefined): Contact | undefined {
  if (email === undefined && phone === undefined) return undefined;
  const c: Contact = { from: 'registry' };
  if (email !== undefined && isEmailAddress(email)) c.email = email;
  if (phone !== undefined) c.phone = phone;
  return c.email === undefined && c.phone === undefined ? undefined : c;
}

function noteFor(info: ProviderInfo, roles: readonly RoleClaim[]): LocalisedText {
  const main = roles[0]?.role;
  return (main === undefined ? undefined : info.abuse.roleNotes?.[main]) ?? info.abuse.note;
}

/** Whether the address the site answered from is named by this company's evidence (its range or network). */
const holdsAddress = (row: CompanyRow, ip: string) => row.roles.some((r) => r.evidence.some((e) => (e.kind === 'range' || e.kind === 'asn') && e.ip === ip));

/** The companies serving the site, one row each, ordered by the most important role each plays. */
export function companyRows(model: SiteModel): CompanyRow[] {
  const { lookup, providers } = model;
  const rows = new Map<string, CompanyRow>();
  const rowFor = (id: string, name: string): CompanyRow => {
    let row = rows.get(id);
    if (row === undefined) {
      const info = providers[id];
      row = { id, name: info?.name ?? name, badge: info?.badge ?? 'REG', color: info?.color ?? '#6e7781', roles: [], note: info?.abuse.note ?? REGISTRAR_NOTE };
      if (info !== undefined && info.homepage !== '') row.homepage = info.homepage;
      const contact = info === undefined ? undefined : contactOf(info);
      if (contact !== undefined) row.contact = contact;
      if (isUnlistedNetwork(id)) row.unlisted = 'network';
      else if (unlistedDomainOf(id) !== undefined) row.unlisted = 'domain';
      rows.set(id, row);
    }
    return row;
  };

  for (const p of lookup.report.providers) {
    const row = rowFor(p.id, p.name);
    const claim: RoleClaim = { role: p.role, certainty: confidenceLevel(p.confidence), evidence: p.evidence };
    if (p.service !== undefined) claim.service = p.service;
    if (p.behind !== undefined) claim.behind = providers[p.behind]?.name ?? p.behind;
    // One claim per role: a second layer of the same company in the same role adds its evidence.
    const same = row.roles.find((r) => r.role === p.role);
    if (same === undefined) row.roles.push(claim);
    else same.evidence.push(...p.evidence.filter((e) => !same.evidence.some((x) => x.detail === e.detail)));
  }

  // The registrar: a fact from the registry, joined to the catalogue's entry for the same IANA id.
  const registrar = lookup.registrar;
  if (registrar !== undefined) {
    const row = rowFor(model.registrarProvider ?? `registrar:${registrar.ianaId ?? registrar.name.toLowerCase()}`, registrar.name);
    row.roles.push({ role: 'registrar', certainty: 'fact', evidence: [{ kind: 'rdap', url: registrar.source, detail: `the registry's RDAP record names ${registrar.name}${registrar.ianaId === undefined ? '' : ` (IANA registrar ${registrar.ianaId})`} as registrar` }] });
    const contact = row.contact ?? registryContact(registrar.abuseEmail, registrar.abusePhone);
    if (contact !== undefined) row.contact = contact;
  }

  // The network behind the address: the registry's record, on the row of the company holding the address.
  const network = lookup.network;
  const address = lookup.report.address?.ip;
  if (network !== undefined && address !== undefined) {
    const holder = [...rows.values()].find((r) => holdsAddress(r, address));
    if (holder !== undefined) {
      holder.network = network;
      const contact = holder.contact ?? registryContact(network.abuseEmail, network.abusePhone);
      if (contact !== undefined) holder.contact = contact;
    }
  }

  for (const row of rows.values()) {
    row.roles.sort((a, b) => rank(a.role) - rank(b.role));
    const info = providers[row.id];
    if (info !== undefined) row.note = noteFor(info, row.roles);
  }
  return [...rows.values()].sort((a, b) => rank(a.roles[0]!.role) - rank(b.roles[0]!.role));
}

/** The sentence at the top of the popup: whom to turn to, given what is known. */
export function whoCanAct(model: SiteModel, rows: readonly CompanyRow[]): WhoCanAct {
  const report = model.lookup.report;
  const edge = rows.find((r) => r.roles.some((c) => c.role === 'edge' && c.behind === undefined));
  const host = rows.find((r) => r.roles.some((c) => c.role === 'hosting'));
  if (report.blockPage !== undefined && edge !== undefined) return { case: 'block-page', kind: report.blockPage.kind, company: edge.id };
  if (edge !== undefined) {
    if (host === undefined) return { case: 'proxy', company: edge.id };
    if (host.id === edge.id) return { case: 'platform', company: edge.id };
    return { case: 'layered', company: host.id, edge: edge.id };
  }
  if (host !== undefined) return { case: host.unlisted === 'network' ? 'unknown-network' : 'origin', company: host.id };
  const address = report.address;
  if (address?.special !== undefined) return { case: 'local-address', address: address.ip, kind: address.special };
  return { case: 'nothing' };
}

export function summarise(model: SiteModel): Summary {
  const rows = companyRows(model);
  return { whoCanAct: whoCanAct(model, rows), rows };
}

/** A page's other hosts by the company and role serving them, busiest first; unrecognised ones last. */
export function groupResources(hosts: readonly ResourceHost[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const h of hosts) {
    const key = h.company === undefined ? '' : `${h.company.role}:${h.company.id}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { hosts: [], requests: 0 };
      if (h.company !== undefined) group.company = h.company;
      groups.set(key, group);
    }
    group.hosts.push(h);
    group.requests += h.count;
  }
  return [...groups.values()].sort((a, b) => (a.company === undefined ? 1 : 0) - (b.company === undefined ? 1 : 0) || b.requests - a.requests);
}
