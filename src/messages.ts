import type { Runtime } from 'webextension-polyfill';
import { ext as browser } from './native-browser.js';
import { LOOKUP_PORT, isLookupSubject, type LookupSubject, type LookupUpdate } from './protocol.js';

// The transport of the one protocol (protocol.ts) between the popup and the
// background worker: the popup opens one port per lookup and says what to
// look up; the worker answers with the model as each step lands, after
// checking who opened the port and what it asked.


/** Why a port may not be served, or undefined: only this extension's own pages may open one. */
export function refusePort(sender: Runtime.MessageSender | undefined, name: string): string | undefined {
  if (name !== LOOKUP_PORT) return `unknown port ${JSON.stringify(name.slice(0, 40))}`;
  if (sender?.id !== browser.runtime.id) return 'sender is not this extension';
  if (typeof sender.url !== 'string' || !sender.url.startsWith(browser.runtime.getURL(''))) return 'ports are only for extension pages';
  if (sender.tab !== undefined && !sender.url.startsWith(browser.runtime.getURL('popup.html'))) return 'ports are only for the popup';
  return undefined;
}

/**
 * The popup's side: opens the port, asks once, and hands each update on.
 * `onClose` is called when the worker goes away before the last update
 * (the browser stopped it), so the popup can offer to try again.
 */
export function openLookup(subject: LookupSubject, onUpdate: (update: LookupUpdate) => void, onClose: (finished: boolean) => void): () => void {
  const port = browser.runtime.connect({ name: LOOKUP_PORT });
  let finished = false;
  port.onMessage.addListener((message: unknown) => {
    const update = message as LookupUpdate;
    if (update.phase === 'done') finished = true;
    onUpdate(update);
  });
  port.onDisconnect.addListener(() => onClose(finished));
  port.postMessage(subject);
  return () => port.disconnect();
}

/** The worker's side: serves each lookup port with `serve`, after checking the sender and the request. */
export function serveLookups(serve: (subject: LookupSubject, send: (update: LookupUpdate) => void, closed: () => boolean) => Promise<void>): void {
  browser.runtime.onConnect.addListener((port) => {
    const problem = refusePort(port.sender, port.name);
    if (problem !== undefined) {
      console.error(`whoserves: refused port: ${problem}`);
      port.disconnect();
      return;
    }
    let closed = false;
    let asked = false;
    port.onDisconnect.addListener(() => {
      closed = true;
    });
    port.onMessage.addListener((message: unknown) => {
      if (asked) return; // one lookup per port
      asked = true;
      if (!isLookupSubject(message)) {
        console.error('whoserves: refused lookup: malformed request');
        port.disconnect();
        return;
      }
      const send = (update: LookupUpdate) => {
        if (!closed) port.postMessage(update);
      };
      serve(message, send, () => closed).then(
        () => {
          if (!closed) port.disconnect();
        },
        (err: unknown) => {
          console.error('whoserves: lookup failed', err);
          if (!closed) port.disconnect();
        },
      );
    });
  });
}
