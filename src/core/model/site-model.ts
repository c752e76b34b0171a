import { providerInfo, type Engine, type ProviderInfo } from '../engine.js';
import type { Change } from '../history.js';
import type { LookupResult, Phase } from '../lookup/lookup-host.js';
import type { LookupRefusal, UninspectableReason } from '../page-target.js';
import type { ResourceHost } from './resource-hosts.js';

// The popup's model: everything it shows, computed where the data is (the
// worker), so components only render. The same model is copied as Markdown
// or JSON and, in the CLI, printed.

/** How the person asked: the toolbar button (a tab), or the context menu on a link, a selection or the page, or the search box. */
export type LookupOrigin = 'tab' | 'link' | 'selection' | 'page' | 'search';

/** For a tab: what whoserves saw of the page itself. */
export type PageState =
  /** The browser's response for the page was seen. */
  | 'seen'
  /** The page was loaded before whoserves could watch (installed or updated since): a reload fixes it. */
  | 'unseen'
  /** The page is shown but no response was seen for it (restored from the back/forward cache or served by a service worker). */
  | 'no-response';

export interface SiteModel {
  kind: 'site';
  origin: LookupOrigin;
  phase: Phase;
  page?: PageState;
  lookup: LookupResult;
  /** Catalogue details for every company the lookup names. */
  providers: Record<string, ProviderInfo>;
  /** The catalogue's entry for the registrar the registry names, matched by IANA id. */
  registrarProvider?: string;
  /** For a tab: the other hosts its page loaded from and who serves each. */
  resources?: ResourceHost[];
  /** The latest change per role in what this host was served by (history kept in this browser). */
  moves?: Change[];
}

export type PopupModel =
  | { kind: 'uninspectable'; origin: LookupOrigin; reason: UninspectableReason }
  | { kind: 'not-a-host'; origin: LookupOrigin; input: string; reason: LookupRefusal }
  | SiteModel;

/** The catalogue entries a lookup's companies need, and the registrar's when the catalogue knows it by IANA id. */
export function providersFor(engine: Engine, lookup: LookupResult): Pick<SiteModel, 'providers' | 'registrarProvider'> {
  const providers: Record<string, ProviderInfo> = {};
  for (const p of [...lookup.report.providers, ...(lookup.dnsAddresses?.report.providers ?? [])]) providers[p.id] ??= providerInfo(engine, p.id, p.name, p.role);
  const iana = lookup.registrar?.ianaId;
  const registrarProvider = iana === undefined ? undefined : engine.registrarsByIana.get(iana);
  if (registrarProvider === undefined) return { providers };
  providers[registrarProvider] ??= engine.providers.get(registrarProvider)!;
  return { providers, registrarProvider };
}
