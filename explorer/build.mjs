// Builds the Explorer and the playground into dist/, which is committed and embedded in
// the Go binary (explorer.go). The build is deterministic: the same sources and the same
// locked packages give the same bytes, so CI can rebuild and compare with the commit.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const apps = [
  { name: 'explorer', entry: 'src/explorer/main.js' },
  { name: 'playground', entry: 'src/playground/main.jsx' },
];

for (const app of apps) {
  const out = join('dist', app.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: { [app.name]: app.entry },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    outdir: out,
    assetNames: '[name]-[hash]',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    legalComments: 'external',
    charset: 'utf8',
    logLevel: 'warning',
  });
  cpSync(join('src', app.name, 'index.html'), join(out, 'index.html'));
  extractFonts(out, `${app.name}.css`);
}

// GraphiQL's stylesheet inlines its fonts as data: URLs, which a strict CSP (font-src
// 'self') refuses; they become files of their own, named by content.
function extractFonts(dir, cssName) {
  const path = join(dir, cssName);
  const css = readFileSync(path, 'utf8').replace(/url\(["']?data:font\/(woff2?|ttf);base64,([A-Za-z0-9+/=]+)["']?\)/g, (_, ext, b64) => {
    const bytes = Buffer.from(b64, 'base64');
    const name = `font-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext}`;
    writeFileSync(join(dir, name), bytes);
    return `url(${name})`;
  });
  writeFileSync(path, css);
}

// Report what a browser downloads, compressed, so the budget (1 MB gzipped) is visible.
for (const app of apps) {
  const dir = join('dist', app.name);
  let raw = 0, gz = 0;
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.LEGAL.txt')) continue;
    const b = readFileSync(join(dir, f));
    raw += statSync(join(dir, f)).size;
    gz += gzipSync(b, { level: 9 }).length;
  }
  console.log(`${app.name}: ${(raw / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped`);
}
