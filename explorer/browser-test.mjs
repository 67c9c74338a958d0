// Drives the Explorer and the playground in Debian's Chromium through playwright-core,
// against a running service (ATLAS_URL), with every host but loopback blocked:
// search → open a group → the graph draws the network's nodes → the year slider changes
// what is drawn → a path between two people is found → exports download and parse →
// the playground renders and runs a query. Screenshots of each step go to
// test-artifacts/ (SCREENSHOT_DIR); README_SCREENSHOTS=dir also writes the README's
// (explorer.png, explorer-tables.png, explorer-playback.png; see readme-screenshots.sh).
//
// The steps are in browser-test/, one file per part of the interface, run in this order
// on one page; browser-test/harness.mjs launches the browser and holds the helpers.
import { finish } from './browser-test/harness.mjs';

for (const part of ['search-graph', 'timelines-paths', 'views', 'playground-live']) {
  await import(`./browser-test/${part}.mjs`);
}
await finish();
