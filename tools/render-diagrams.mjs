// Renders every processes/*.bpmn to docs/images/<name>.png with bpmn-js in Debian's headless
// Chromium (no browser download). Run: npm install && npm run diagrams
// The browser is /usr/bin/chromium unless OVERSIGHT_CHROMIUM names another.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const viewer = join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');
const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
  .map((f) => readFileSync(join(root, 'node_modules/bpmn-js/dist/assets', f), 'utf8'))
  .join('\n');
const out = join(root, 'docs/images');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.OVERSIGHT_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ deviceScaleFactor: 1.5 });

/** Shows the diagram in a page of the given size, fitted; returns the diagram's own size. */
async function show(xml, width, height) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<html><head><style>${css} html,body{margin:0;background:#fff}
    #canvas{width:100vw;height:100vh}</style></head><body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ path: viewer });
  return page.evaluate(async (diagram) => {
    const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
    await bpmnViewer.importXML(diagram);
    const canvas = bpmnViewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const box = canvas.viewbox().inner;
    return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  }, xml);
}

for (const file of readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn'))) {
  const xml = readFileSync(join(root, 'processes', file), 'utf8');
  const size = await show(xml, 1800, 900);
  const scale = Math.min(1, 2400 / (size.width + 60));
  const width = Math.ceil((size.width + 60) * scale);
  const height = Math.ceil(size.height * scale + 110);
  await show(xml, width, height);
  const target = join(out, basename(file, '.bpmn') + '.png');
  await page.screenshot({ path: target });
  console.log(`${file} -> docs/images/${basename(target)} (${width}x${height})`);
}
await browser.close();
