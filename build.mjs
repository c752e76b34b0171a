#!/usr/bin/env node
// Builds the extension for Chrome and Firefox from one source tree:
//   node build.mjs            → dist/chrome and dist/firefox
//   node build.mjs --watch    → rebuild on change (load dist/chrome unpacked, reload the extension)
//   node build.mjs --target chrome|firefox
// Type errors are caught by `npm run build` (tsc --noEmit runs first); this file only bundles.
import { context, build, transform } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { watch as watchFiles } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const watching = args.includes('--watch');
const targetArg = args.includes('--target') ? args[args.indexOf('--target') + 1] : undefined;
const targets = targetArg === undefined ? ['chrome', 'firefox'] : [targetArg];
for (const t of targets) if (t !== 'chrome' && t !== 'firefox') throw new Error(`unknown --target ${t}`);

// The oldest browsers the bundles are compiled for and the manifests admit: Chrome 120, Firefox ESR 140.
const CHROME_MIN = '120';
const FIREFOX_MIN = '140';
// Firefox needs an id for storage and a declaration of data collected (none) to pass `web-ext lint` cleanly.
// Desktop from ESR 140 on; Firefox for Android has no ESR and only reads data_collection_permissions
// from 142, so its minimum is that one (web-ext lint warns otherwise).
const GECKO = { id: 'whoserves@whoserves.invalid', strict_min_version: `${FIREFOX_MIN}.0`, data_collection_permissions: { required: ['none'] } };
const GECKO_ANDROID = { strict_min_version: '142.0' };

/** The one manifest, patched per browser: Chrome runs a service worker, Firefox an event page. */
function manifestFor(target, base, pkg) {
  const manifest = structuredClone(base);
  manifest.version = pkg.version;
  if (target === 'firefox') {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = { gecko: GECKO, gecko_android: GECKO_ANDROID };
    // Firefox's default MV3 policy is this plus upgrade-insecure-requests, which turns the header
    // probe's http:// request into https:// and so never reaches a site served over http only
    // (Chrome's default does not upgrade). Scripts stay packaged-only, as by default.
    manifest.content_security_policy = { extension_pages: "script-src 'self';" };
    // Firefox has no Local Network Access: the extension vets its own requests before they are sent
    // (background/network-guard.ts), with a blocking listener and the browser's resolver.
    manifest.permissions = [...manifest.permissions, 'webRequestBlocking', 'dns'];
  } else {
    manifest.minimum_chrome_version = CHROME_MIN;
  }
  return manifest;
}

/**
 * Validates data/ and compiles what the worker and the CLI load: catalogue.json
 * (providers, signatures, range lists; for the extension one file per language), published.bin (the providers' published
 * ranges), and the IP → network tables: whole for the CLI (ipdata.bin,
 * ipdata6.bin), cut into shards for the extension (networks/), whose worker
 * fetches only the shards of the addresses it is asked about. Throws on any
 * problem in the data.
 */
async function compileData() {
  const { compileCatalogue, catalogueFile } = await tsImport('./src/core/catalogue/compile-catalogue.ts', import.meta.url);
  const { readCatalogueSources } = await tsImport('./src/node/read-catalogue-sources.ts', import.meta.url);
  const { ipAssetsFor } = await tsImport('./src/node/ip-data-cache.ts', import.meta.url);
  const { SHARD_DIR } = await tsImport('./src/core/ip/network-shards.ts', import.meta.url);
  const { readDnsBootstrap } = await tsImport('./src/node/read-rdap-bootstrap.ts', import.meta.url);
  const { readPublicSuffixes } = await tsImport('./src/node/read-public-suffixes.ts', import.meta.url);
  const { inOneLocale } = await tsImport('./src/core/catalogue/one-locale.ts', import.meta.url);
  const { LOCALES } = await tsImport('./src/core/locales.ts', import.meta.url);
  const catalogue = compileCatalogue(readCatalogueSources(join(root, 'data')));
  const ip = ipAssetsFor(catalogue);
  const rdap = readDnsBootstrap();
  const psl = await readPublicSuffixes();
  const shipped = { ...catalogueFile(catalogue), dataVersions: { asn: ip.asnVersion, rdapBootstrap: rdap.version, publicSuffixes: psl.version } };
  const common = { 'published.bin': ip.published, 'rdap-dns.json': `${JSON.stringify(rdap.bootstrap)}\n`, 'psl.json': `${JSON.stringify(psl.data)}\n` };
  // The worker serves one browser, in one language: it reads the catalogue with that language's notes only.
  const perLocale = Object.fromEntries(LOCALES.map((locale) => [`catalogue.${locale}.json`, `${JSON.stringify(inOneLocale(shipped, locale))}\n`]));
  return {
    browser: { ...common, ...perLocale, ...Object.fromEntries([...ip.shards].map(([name, bytes]) => [`${SHARD_DIR}/${name}`, bytes])) },
    cli: { ...common, 'catalogue.json': `${JSON.stringify(shipped)}\n`, 'ipdata.bin': ip.main, 'ipdata6.bin': ip.v6 },
  };
}

/**
 * The extension's two pages share one shell: their stylesheet inlined
 * (minified), a mount point, and their one bundle. One file to fetch, not
 * three: in an extension process that has just started, each file costs
 * milliseconds, and a script after a linked stylesheet waits for it too.
 * Extension pages' default content security policy restricts scripts, not
 * styles. The popup's script comes first, in the head: it asks for the kept
 * answer at once (popup/early-lookup.ts), and until it has run the page has
 * no body to lay out, where a script at the end rendered an empty styled
 * page while it loaded (paired runs: warm popup 6 % sooner).
 */
async function pageHtml(name) {
  const { code: css } = await transform(await readFile(join(root, name, `${name}.css`), 'utf8'), { loader: 'css', minify: true, logLevel: 'warning' });
  const script = `<script src="${name}.js"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="color-scheme" content="light dark">
  <title>whoserves</title>${name === 'popup' ? `\n  ${script}` : ''}
  <style>${css.trim()}</style>
</head>
<body>
  <main id="app"></main>${name === 'popup' ? '' : `\n  ${script}`}
</body>
</html>
`;
}

async function copyStatic(outdir, target, data) {
  const [base, pkg] = await Promise.all([readFile(join(root, 'manifest.json'), 'utf8'), readFile(join(root, 'package.json'), 'utf8')]);
  await writeData(join(outdir, 'data'), data);
  await Promise.all([
    writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifestFor(target, JSON.parse(base), JSON.parse(pkg)), null, 2)}\n`),
    cp(join(root, '_locales'), join(outdir, '_locales'), { recursive: true }),
    cp(join(root, 'icons'), join(outdir, 'icons'), { recursive: true, filter: (src) => !src.endsWith('.svg') }),
    ...['popup', 'options'].map(async (name) => writeFile(join(outdir, `${name}.html`), await pageHtml(name))),
  ]);
}

/**
 * whoserves never renders HTML from strings (header values and RDAP text come
 * from strangers' servers), but Preact ships support for
 * dangerouslySetInnerHTML, and Firefox's linter rightly flags the
 * `innerHTML =` it contains. Cut that one assignment out of the bundle, so the
 * guarantee is structural rather than a promise, and fail the build if a
 * Preact update moves it.
 */
const noInnerHtml = {
  name: 'no-inner-html',
  setup(b) {
    b.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let cuts = 0;
      const contents = source.replace(/\((\w+)\.innerHTML=(\w+)\.__html\)/g, () => {
        cuts += 1;
        return '(()=>{throw new Error("whoserves: dangerouslySetInnerHTML is disabled")})()';
      });
      if (cuts !== 1) throw new Error(`${path}: expected one innerHTML assignment to remove, found ${cuts}; review the no-inner-html plugin for this Preact version`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The extension's bundles: the worker, and the pages (popup, options).
 * Minified: this code is parsed on every worker start and popup opening
 * (budgets in test/unit/bundle-budgets.test.ts). The
 * worker keeps its function names (keepNames) so errors in its log and
 * profiles read; the pages, which log little, spend those bytes on nothing.
 */
function bundleOptions(outdir, target) {
  const common = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    format: 'iife',
    target: target === 'chrome' ? `chrome${CHROME_MIN}` : `firefox${FIREFOX_MIN}`,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noInnerHtml],
  };
  return [
    { ...common, entryPoints: { background: 'src/background/index.ts' }, keepNames: true },
    { ...common, entryPoints: { popup: 'popup/main.tsx', options: 'options/main.tsx' } },
  ];
}

/** The `whoserves` command: core bundled for Node, with its data files (the whole IP tables) beside it. */
function cliOptions(version) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: join(root, 'dist', 'cli', 'whoserves.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { WHOSERVES_VERSION: JSON.stringify(version) },
    legalComments: 'none',
    logLevel: 'warning',
  };
}

async function writeData(dir, data) {
  const dirs = new Set(Object.keys(data).map((name) => dirname(join(dir, name))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(Object.entries(data).map(([name, contents]) => writeFile(join(dir, name), contents)));
}

async function buildCli(data) {
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  await rm(join(root, 'dist', 'cli'), { recursive: true, force: true });
  await Promise.all([build(cliOptions(version)), writeData(join(root, 'dist', 'cli', 'data'), data.cli)]);
}

async function buildOnce() {
  const data = await compileData();
  for (const target of targets) {
    const outdir = join(root, 'dist', target);
    await rm(outdir, { recursive: true, force: true });
    await mkdir(outdir, { recursive: true });
    await Promise.all([...bundleOptions(outdir, target).map((options) => build(options)), copyStatic(outdir, target, data.browser)]);
  }
  await buildCli(data);
  console.log(`built ${targets.map((t) => `dist/${t}`).join(', ')} and dist/cli`);
}

async function watch() {
  await buildOnce();
  for (const target of targets) {
    for (const options of bundleOptions(join(root, 'dist', target), target)) await (await context(options)).watch();
  }
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  await (await context(cliOptions(version))).watch();
  // Static files, stylesheets and data are not in esbuild's graph: recopy them when they change.
  let timer;
  const recopy = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const data = await compileData();
        for (const target of targets) await copyStatic(join(root, 'dist', target), target, data.browser);
        await writeData(join(root, 'dist', 'cli', 'data'), data.cli);
        console.log('copied static files and data');
      } catch (err) {
        console.error(err.message);
      }
    }, 100);
  };
  for (const dir of ['data', '_locales', 'icons']) watchFiles(join(root, dir), { recursive: true }, recopy);
  for (const file of ['manifest.json', 'popup/popup.css', 'options/options.css']) watchFiles(join(root, file), recopy);
  console.log('watching for changes (Ctrl-C to stop)');
}

try {
  await (watching ? watch() : buildOnce());
} catch (err) {
  console.error(`build failed: ${err.message}`);
  process.exit(1);
}
