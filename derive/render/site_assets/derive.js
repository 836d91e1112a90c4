// derive site glue: typeset every pymdownx.arithmatex element (generic mode) with the KaTeX
// served from this site. Errors stay visible as .katex-error (throwOnError: false).
function deriveTypeset(root) {
  for (const el of root.querySelectorAll(".arithmatex")) {
    if (el.dataset.typeset) continue;
    const display = el.tagName === "DIV";
    let tex = el.textContent.trim();
    tex = display ? tex.replace(/^\\\[/, "").replace(/\\\]$/, "") : tex.replace(/^\\\(/, "").replace(/\\\)$/, "");
    katex.render(tex, el, { displayMode: display, throwOnError: false });
    el.dataset.typeset = "1";
  }
}
// headings with math appear as plain "\(…\)" text in the navigation and table of contents
function deriveTypesetNav(root) {
  for (const el of root.querySelectorAll(".md-nav__link .md-ellipsis, .md-nav__link")) {
    if (el.dataset.typeset || el.children.length || !el.textContent.includes("\\(")) continue;
    const parts = el.textContent.split(/\\\((.+?)\\\)/s);
    el.textContent = "";
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        el.append(part);
      } else {
        const span = document.createElement("span");
        katex.render(part, span, { throwOnError: false });
        el.append(span);
      }
    });
    el.dataset.typeset = "1";
  }
}
if (typeof document$ !== "undefined") {
  document$.subscribe(({ body }) => {
    deriveTypeset(body);
    deriveTypesetNav(body);
  });
} else {
  document.addEventListener("DOMContentLoaded", () => {
    deriveTypeset(document.body);
    deriveTypesetNav(document.body);
  });
}
