// Load every page of a served derive site in headless Debian chromium and measure what a reader
// would see. Usage: node check.mjs BASE_URL ARTEFACT_DIR PAGE... (PAGE relative to BASE_URL).
// Prints one JSON object: {pages: [{page, width, ...measurements}], external: [...]}.
// The assertions live in tests/test_site.py; this script only measures.
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [base, artefacts, ...pages] = process.argv.slice(2);
const WIDTHS = [1280, 390];
const SHOTS = new Set(pages.slice(0, 2)); // screenshots of the first two pages, at 1280 px

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const external = [];
const results = [];

function measure() {
  const column = document.querySelector(".md-content__inner") || document.body;
  const displays = [...document.querySelectorAll("div.arithmatex")];
  const wide = displays
    .filter((d) => d.scrollWidth > d.clientWidth + 1)
    .map((d) => ({
      width: d.scrollWidth,
      column: d.clientWidth,
      tex: (d.querySelector("annotation")?.textContent ?? "").slice(0, 100),
    }));
  // text a reader sees outside code: no "$$" may be left untypeset
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement.closest("pre, code, script, style, annotation")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let rawDollars = 0;
  while (walker.nextNode()) rawDollars += (walker.currentNode.nodeValue.match(/\$\$/g) || []).length;
  // navigation and table of contents: heading math typeset too, no "\(" left
  let navRaw = 0;
  const nav = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (nav.nextNode()) {
    const el = nav.currentNode.parentElement;
    if (el.closest(".md-sidebar") && !el.closest("annotation") && nav.currentNode.nodeValue.includes("\\(")) navRaw++;
  }
  const mermaids = [...document.querySelectorAll(".mermaid")];
  const images = [...column.querySelectorAll("img")];
  return {
    title: document.title,
    lang: document.documentElement.lang,
    mermaidLabels: [...document.querySelectorAll(".mermaid")]
      .map((d) => d.shadowRoot?.querySelector("svg")?.textContent ?? "")
      .join(" "),
    display: displays.length,
    inline: document.querySelectorAll("span.arithmatex").length,
    untypeset: [...document.querySelectorAll(".arithmatex")].filter((e) => !e.querySelector(".katex")).length,
    katexErrors: document.querySelectorAll(".katex-error").length,
    rawDollars,
    navRaw,
    mermaid: mermaids.length,
    mermaidSvg: mermaids.filter(
      (d) => d.shadowRoot?.querySelector("svg") && !d.shadowRoot.querySelector(".error-icon"),
    ).length,
    images: images.length,
    imagesLoaded: images.filter((i) => i.complete && i.naturalWidth > 0).length,
    wide,
    pageOverflow: document.documentElement.scrollWidth > window.innerWidth + 1,
  };
}

try {
  for (const rel of pages) {
    const t0 = Date.now();
    const page = await browser.newPage();
    const errors = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("response", (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on("requestfailed", (r) => {
      if (r.url().startsWith(base)) errors.push(`request failed: ${r.url()}`);
    });
    await page.setRequestInterception(true);
    page.on("request", (r) => {
      const url = r.url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) {
        r.continue();
      } else {
        external.push(url); // the site must work offline: nothing leaves 127.0.0.1
        r.abort();
      }
    });
    // Material draws mermaid into a closed shadow root; open it so the test can look inside.
    await page.evaluateOnNewDocument(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        return attach.call(this, { ...init, mode: "open" });
      };
    });
    await page.setViewport({ width: WIDTHS[0], height: 900 });
    const response = await page.goto(base + rel, { waitUntil: "load", timeout: 60000 });
    const status = response ? response.status() : 0;
    const loaded = Date.now() - t0;
    // wait until every diagram is drawn (or 30 s), then until the fonts are in
    await page
      .waitForFunction(
        () =>
          document.querySelectorAll("pre.mermaid").length === 0 &&
          [...document.querySelectorAll("div.mermaid")].every((d) => d.shadowRoot?.querySelector("svg")),
        { timeout: 30000, polling: 200 },
      )
      .catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      const m = await page.evaluate(measure);
      if (width === WIDTHS[0] && SHOTS.has(rel)) {
        fs.mkdirSync(artefacts, { recursive: true });
        const name = rel.replace(/\/$/, "").replace(/[^\w-]+/g, "_") || "home";
        await page.screenshot({ path: path.join(artefacts, `${name}-${width}.png`) });
      }
      results.push({ page: rel, width, status, errors, loadedMs: loaded, ms: Date.now() - t0, ...m });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ pages: results, external }) + "\n");
