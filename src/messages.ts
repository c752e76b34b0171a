import browser, { type Runtime } from 'webextension-polyfill';
import type { LiveResult, View } from './core/view.js';
import { isObject } from './core/is-object.js';

// The one protocol between content script, popup and background worker.
// Each message names who may send it; the worker checks that and the payload
// before a handler runs, so nothing else can feed it data.

export interface Protocol {
  /** Content script → worker: the page it runs in, and the hosts its resources came from. */
  pageSeen: { from: 'content'; req: { url: string; resourceHosts: string[] }; res: { ok: true } };
  /** Popup → worker: what to show for a tab. */
  tabView: { from: 'extension'; req: { tabId: number }; res: View };
  /** Popup → worker: what to show for a host, URL or IP looked up from the context menu. */
  hostView: { from: 'extension'; req: { input: string }; res: View };
  /** Popup → worker: look the host up in DNS (the person's resolver) and merge it with what the browser saw. */
  liveView: { from: 'extension'; req: { input: string; tabId?: number }; res: LiveResult };
  /** Popup → worker: a lookup the context menu asked the popup to show, if one is waiting. */
  takePendingLookup: { from: 'extension'; req: Record<string, never>; res: { host: string } | null };
}

export type MessageName = keyof Protocol;
export type Request<K extends MessageName> = Protocol[K]['req'];
export type Response<K extends MessageName> = Protocol[K]['res'];

interface Envelope<K extends MessageName = MessageName> {
  name: K;
  payload: Request<K>;
}

const MAX_RESOURCE_HOSTS = 500;
const MAX_HOST_LENGTH = 253;
const MAX_INPUT_LENGTH = 2048;

const isHost = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_HOST_LENGTH;

// Payload validators, one per message: a missing one is a compile error.
const validators: { [K in MessageName]: (p: unknown) => p is Request<K> } = {
  pageSeen: (p): p is Request<'pageSeen'> =>
    isObject(p) && typeof p.url === 'string' && p.url.length <= 8192 &&
    Array.isArray(p.resourceHosts) && p.resourceHosts.length <= MAX_RESOURCE_HOSTS && p.resourceHosts.every(isHost),
  tabView: (p): p is Request<'tabView'> => isObject(p) && Number.isInteger(p.tabId) && (p.tabId as number) >= 0,
  hostView: (p): p is Request<'hostView'> => isObject(p) && typeof p.input === 'string' && p.input.length <= MAX_INPUT_LENGTH,
  takePendingLookup: (p): p is Request<'takePendingLookup'> => isObject(p) && Object.keys(p).length === 0,
  liveView: (p): p is Request<'liveView'> =>
    isObject(p) && typeof p.input === 'string' && p.input.length <= MAX_INPUT_LENGTH &&
    (p.tabId === undefined || (Number.isInteger(p.tabId) && (p.tabId as number) >= 0)),
};

const senders: { [K in MessageName]: Protocol[K]['from'] } = {
  pageSeen: 'content',
  tabView: 'extension',
  hostView: 'extension',
  takePendingLookup: 'extension',
  liveView: 'extension',
};

/** Sends a typed message to the background worker. */
export function send<K extends MessageName>(name: K, payload: Request<K>): Promise<Response<K>> {
  const envelope: Envelope<K> = { name, payload };
  return browser.runtime.sendMessage(envelope) as Promise<Response<K>>;
}

export type Handlers = { [K in MessageName]: (payload: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>> };

/** Why a message is refused, or undefined when it may be handled. */
export function refuse(message: unknown, sender: Runtime.MessageSender): string | undefined {
  if (sender.id !== browser.runtime.id) return 'sender is not this extension';
  if (!isObject(message) || typeof message.name !== 'string' || !Object.hasOwn(validators, message.name)) return 'unknown message';
  const name = message.name as MessageName;
  const extensionOrigin = browser.runtime.getURL('');
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  // Content scripts run in web pages: they have a tab and a web page's URL.
  if (senders[name] === 'content' && (fromExtensionPage || sender.tab?.id === undefined)) return `${name} must come from a content script`;
  if (senders[name] === 'extension' && !fromExtensionPage) return `${name} must come from an extension page`;
  if (!validators[name](message.payload)) return `${name}: malformed payload`;
  return undefined;
}

/** Installs the worker's one message listener over a complete set of handlers. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const problem = refuse(message, sender);
    if (problem !== undefined) return Promise.reject(new Error(`whoserves: refused message: ${problem}`));
    const { name, payload } = message as Envelope;
    const handler = handlers[name] as (p: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(payload, sender);
  });
}
