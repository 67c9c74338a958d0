// Builds the Explorer and the playground into dist/, which is committed and embedded in
// the Go binary (explorer.go). The build is deterministic: the same sources and the same
// locked packages give the same bytes, so CI can rebuild and compare with the commit.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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
