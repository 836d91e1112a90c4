// Parse Markdown (stdin) as CommonMark + GFM tables/strikethrough (markdown-it) and print what
// math-carrying code survives: fenced blocks {info, content} and inline code spans with the
// characters around them. tests/test_site.py checks that the GitHub flavour's math is intact.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt("commonmark").enable(["table", "strikethrough"]);
let src = "";
for await (const chunk of process.stdin) src += chunk;
const blocks = [];
const inline = [];
const text = [];
for (const t of md.parse(src, {})) {
  if (t.type === "fence") blocks.push({ info: t.info, content: t.content });
  if (t.type === "inline") {
    const kids = t.children;
    kids.forEach((k, i) => {
      if (k.type === "code_inline") {
        const before = i > 0 && kids[i - 1].type === "text" ? kids[i - 1].content.slice(-1) : "";
        const after = i + 1 < kids.length && kids[i + 1].type === "text" ? kids[i + 1].content[0] : "";
        inline.push({ content: k.content, math: before === "$" && after === "$" });
      } else if (k.type === "text") {
        text.push(k.content);
      }
    });
  }
}
process.stdout.write(JSON.stringify({ blocks, inline, text: text.join("\n") }) + "\n");
