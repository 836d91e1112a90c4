// KaTeX oracle for the Markdown math dialect (DESIGN.md section 6).
// stdin:  JSON array of {"tex": string, "display": boolean}
// stdout: JSON array of {"index": number, "error": string}, one per formula KaTeX rejects
//         in strict mode (empty array when all parse). Exit 0 unless the input is unreadable (2).
// With --serve: one such JSON array per stdin line, one answer line each, until stdin closes
// (tests/katex_oracle.py keeps one process per test worker: node's start-up and KaTeX's load
// once, not once per document); an unreadable line is answered {"bad": "<reason>"}.
import katex from "katex";
import readline from "node:readline";

function failures(items) {
  const out = [];
  items.forEach((item, index) => {
    try {
      katex.renderToString(String(item.tex), {
        displayMode: Boolean(item.display),
        throwOnError: true,
        strict: "error",
      });
    } catch (err) {
      out.push({ index, error: String(err && err.message ? err.message : err) });
    }
  });
  return out;
}

function parse(text) {
  const items = JSON.parse(text);
  if (!Array.isArray(items)) throw new Error("expected a JSON array");
  return items;
}

if (process.argv.includes("--serve")) {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    let answer;
    try {
      answer = failures(parse(line));
    } catch (err) {
      answer = { bad: String(err && err.message ? err.message : err) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
} else {
  let input = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) input += chunk;
  let items;
  try {
    items = parse(input);
  } catch (err) {
    process.stderr.write(`check.mjs: bad input: ${err.message}\n`);
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(failures(items)) + "\n");
}
