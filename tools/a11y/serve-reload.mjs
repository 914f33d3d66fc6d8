// The live reload of `koers serve` in a real browser: opens a page, saves a data file the way an
// editor does (replacing OLD by NEW), and waits until the open page shows NEW — which it can only do
// by reloading through the server-sent events channel. Prints JSON:
//   node serve-reload.mjs URL FILE OLD NEW
//   → {"reloaded": true, "ms": 123, "navigations": 1}
// Chromium: $CHROMIUM, else /usr/bin/chromium. Exit code 0 when the page reloaded with the new
// text, 1 when it did not within 20 s, 2 when the check could not run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { launchOptions } from "./chromium.mjs";

const [url, file, oldText, newText] = process.argv.slice(2);
if (!newText) {
  console.error("usage: node serve-reload.mjs URL FILE OLD NEW");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "koers-reload-"));
let browser;
let code = 0;
try {
  browser = await puppeteer.launch(launchOptions(profile));
  const page = await browser.newPage();
  let navigations = 0;
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) navigations++;
  });
  await page.goto(url, { waitUntil: "load" });
  navigations = 0;
  if ((await page.content()).includes(newText)) throw new Error("the page shows the new text before the change");
  // A marker that only survives if the page is never reloaded.
  await page.evaluate(() => {
    window.__koersBefore = true;
  });
  // Give the EventSource a moment to connect, then save.
  await new Promise((r) => setTimeout(r, 300));
  const saved = Date.now();
  const text = readFileSync(file, "utf8");
  if (!text.includes(oldText)) throw new Error(`${file} does not contain the text to replace`);
  writeFileSync(file, text.replace(oldText, newText));
  let reloaded = false;
  try {
    await page.waitForFunction((t) => document.body && document.body.innerText.includes(t), { timeout: 20000, polling: 50 }, newText);
    reloaded = (await page.evaluate(() => window.__koersBefore === undefined)) && navigations > 0;
  } catch (e) {
    reloaded = false;
  }
  const ms = Date.now() - saved;
  console.log(JSON.stringify({ reloaded, ms, navigations }));
  code = reloaded ? 0 : 1;
} catch (e) {
  console.error(String(e && e.stack ? e.stack : e));
  code = 2;
} finally {
  if (browser) await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
