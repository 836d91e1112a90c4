#!/usr/bin/env bash
# Copy KaTeX and mermaid from tests/browser/node_modules into derive/site_assets (see its README).
set -euo pipefail
cd "$(dirname "$0")/../.."
nm=tests/browser/node_modules
dst=derive/site_assets
cp "$nm/katex/dist/katex.min.js" "$nm/katex/dist/katex.min.css" "$nm/katex/LICENSE" "$dst/katex/"
cp "$nm"/katex/dist/fonts/*.woff2 "$dst/katex/fonts/"
cp "$nm/mermaid/dist/mermaid.min.js" "$nm/mermaid/LICENSE" "$dst/mermaid/"
