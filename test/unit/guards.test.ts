import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Structural rules the design depends on, checked over the source tree so a
// slip fails the tests rather than waiting for review.

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(root, path));
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('design guards', () => {
  it('core imports nothing from the browser, the UI or Node', () => {
    for (const file of sources('src/core')) {
      const imports = [...read(file).matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
      for (const spec of imports) {
        assert.ok(spec.startsWith('.') || ['tldts', 'ipaddr.js', '@leichtgewicht/dns-packet'].includes(spec), `${file} imports ${spec}`);
        assert.ok(!/background|content|popup|node|messages/.test(spec), `${file} imports ${spec}`);
      }
    }
  });

  it('no code renders HTML from strings or evaluates code', () => {
    for (const file of [...sources('src'), ...sources('popup'), ...sources('options')]) {
      const text = read(file);
      for (const banned of [/innerHTML/, /outerHTML/, /dangerouslySetInnerHTML/, /insertAdjacentHTML/, /\beval\(/, /new Function\(/, /document\.write/]) {
        assert.doesNotMatch(text, banned, `${file} uses ${banned.source}`);
      }
    }
  });

  it('only src/messages.ts talks to runtime messaging and ports', () => {
    for (const file of [...sources('src'), ...sources('popup'), ...sources('options')].filter((f) => f !== 'src/messages.ts')) {
      assert.doesNotMatch(read(file), /runtime\.(sendMessage|onMessage|connect|onConnect)\b/, file);
    }
  });

  it('injects nothing into web pages: no content script at all', () => {
    const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown>;
    assert.equal(manifest.content_scripts, undefined);
    assert.deepEqual(sources('src').filter((f) => f.startsWith('src/content/')), []);
  });

  it('the manifest asks for the minimal permissions and keeps the default CSP', () => {
    const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown>;
    assert.deepEqual(manifest.permissions, ['webRequest', 'storage', 'contextMenus']);
    assert.deepEqual(manifest.host_permissions, ['<all_urls>']);
    assert.equal(manifest.content_security_policy, undefined);
    assert.equal(manifest.externally_connectable, undefined);
    assert.equal(manifest.web_accessible_resources, undefined);
  });
});
