// What Lighthouse's mobile run does not look at, for bench/lighthouse.sh:
//   node lighthouse-views.mjs NODE_MODULES BASE_URL OUT_DIR "name path" …
// For each page: screenshots on a 360-px-wide phone (light and dark), at 200 % zoom of a 1280-px
// window (640 CSS px at device scale 2) and as printed (from a light and a dark screen); then axe-core's colour-contrast rule in dark
// mode (Lighthouse checks contrast in light mode only). Uses the puppeteer-core and axe-core that
// lighthouse installed, and the chromium of CHROME_PATH.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [modules, base, out, ...pages] = process.argv.slice(2);
const require = createRequire(join(resolve(modules), 'noop.js'));
const puppeteer = require('puppeteer-core');
const axePath = require.resolve('axe-core/axe.min.js');

const views = [
  { name: '360', viewport: { width: 360, height: 740, deviceScaleFactor: 1, isMobile: true, hasTouch: true }, scheme: 'light' },
  { name: '360-dark', viewport: { width: 360, height: 740, deviceScaleFactor: 1, isMobile: true, hasTouch: true }, scheme: 'dark' },
  { name: 'zoom200', viewport: { width: 640, height: 800, deviceScaleFactor: 2 }, scheme: 'light' },
  { name: 'print', viewport: { width: 794, height: 1123, deviceScaleFactor: 1 }, scheme: 'light', media: 'print' },
  { name: 'print-dark', viewport: { width: 794, height: 1123, deviceScaleFactor: 1 }, scheme: 'dark', media: 'print' },
];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
});
const rows = [];
try {
  for (const entry of pages) {
    const [name, path] = entry.split(' ');
    const page = await browser.newPage();
    await page.setBypassCSP(true); // lets axe-core be injected; the site's own pages carry no script
    const cdp = await page.createCDPSession();
    for (const view of views) {
      await page.setViewport(view.viewport);
      // puppeteer's emulateMediaType and emulateMediaFeatures each reset what the other set: one CDP call sets both.
      await cdp.send('Emulation.setEmulatedMedia', {
        media: view.media ?? 'screen',
        features: [{ name: 'prefers-color-scheme', value: view.scheme }],
      });
      await page.goto(base + path, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.screenshot({ path: join(out, `${name}-${view.name}.png`), fullPage: true });
      let contrast = '';
      if (['360', '360-dark', 'print-dark'].includes(view.name)) {
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => axe.run(document, { runOnly: ['color-contrast'] }));
        contrast = result.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\s+/g, ' '))).join('; ');
        contrast = contrast === '' ? 'contrast ok' : 'contrast: ' + contrast;
      }
      rows.push(`| ${name} | ${view.name} | ${overflow > 0 ? `**${overflow} px wider than the screen**` : 'fits'} | ${contrast} |`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('| page | view | width | axe colour contrast |');
console.log('|---|---|---|---|');
console.log(rows.join('\n'));
console.log();
console.log(`Screenshots: ${out}/<page>-{360,360-dark,zoom200,print,print-dark}.png`);
