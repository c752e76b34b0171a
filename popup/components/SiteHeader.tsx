import type { ComponentChildren } from 'preact';

/** The site's host, its registrable domain when that differs, and a line about the connection. */
export function SiteHeader({ host, domain, children }: { host: string; domain?: string | undefined; children?: ComponentChildren }) {
  return (
    <header class="site">
      <h1 class="site-host">{host}</h1>
      {domain !== undefined && domain !== host && <p class="site-domain">{domain}</p>}
      {children}
    </header>
  );
}
