// KaTeX oracle for the Markdown math dialect (DESIGN.md section 6).
// stdin:  JSON array of {"tex": string, "display": boolean}
// stdout: JSON array of {"index": number, "error": string}, one per formula KaTeX rejects
//         in strict mode (empty array when all parse). Exit 0 unless the input is unreadable (2).
import katex from "katex";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;

let items;
try {
  items = JSON.parse(input);
  if (!Array.isArray(items)) throw new Error("expected a JSON array");
} catch (err) {
  process.stderr.write(`check.mjs: bad input: ${err.message}\n`);
  process.exit(2);
}

const failures = [];
items.forEach((item, index) => {
  try {
    katex.renderToString(String(item.tex), {
      displayMode: Boolean(item.display),
      throwOnError: true,
      strict: "error",
    });
  } catch (err) {
    failures.push({ index, error: String(err && err.message ? err.message : err) });
  }
});
process.stdout.write(JSON.stringify(failures) + "\n");
