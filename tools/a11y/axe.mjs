// Runs axe-core in headless Chromium over HTML files and prints the violations as JSON:
//   node axe.mjs [--width PX] [--dark] FILE...
//   → [{"file": "...", "violations": [{"id", "impact", "help", "nodes": [{"target", "html", "summary"}]}]}]
// Only the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa run. No network: the pages
// are opened as file:// URLs and every request that is not file: or data: is aborted (and
// reported, since koers' pages must be self-contained).
// --width sets the viewport (320: WCAG 1.4.10 reflow, where a page that scrolls sideways is
// reported as the violation "reflow"); --dark emulates prefers-color-scheme: dark.
// Chromium: $CHROMIUM, else /usr/bin/chromium. Exit code 0 when the run worked (whatever it
// found), 2 when it could not run.
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { launchOptions } from "./chromium.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const axeSource = readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let width = 1280;
let dark = false;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--width") width = Number(args[++i]);
  else if (args[i] === "--dark") dark = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node axe.mjs [--width PX] FILE...");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "koers-axe-"));
let browser;
try {
  browser = await puppeteer.launch(launchOptions(profile));
} catch (e) {
  console.error(`cannot start Chromium: ${e.message}`);
  rmSync(profile, { recursive: true, force: true });
  process.exit(2);
}

const results = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  if (dark) await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  await page.setRequestInterception(true);
  let external = [];
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("about:")) req.continue();
    else {
      external.push(url);
      req.abort();
    }
  });
  for (const file of files) {
    external = [];
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const res = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      TAGS,
    );
    const violations = res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary })),
    }));
    // Reflow: nothing but a table in its scrolling wrapper may be wider than the viewport.
    const wide = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= vw) return [];
      return [...document.body.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > vw + 1 && !e.closest(".tabel-wrap, .preheader, .skiplink"))
        .slice(0, 5)
        .map((e) => e.outerHTML.slice(0, 120));
    });
    if (wide.length > 0) {
      violations.push({ id: "reflow", impact: "serious", help: `the page scrolls sideways at ${width} px`, nodes: wide.map((h) => ({ target: h, html: h, summary: "wider than the viewport" })) });
    }
    for (const url of external) {
      violations.push({ id: "external-request", impact: "serious", help: "the page requests a third party", nodes: [{ target: url, html: "", summary: url }] });
    }
    results.push({ file, violations });
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 1));
