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
if (typeof document$ !== "undefined") {
  document$.subscribe(({ body }) => deriveTypeset(body));
} else {
  document.addEventListener("DOMContentLoaded", () => deriveTypeset(document.body));
}
