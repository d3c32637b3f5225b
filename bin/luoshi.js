#!/usr/bin/env node
// The `luoshi` command. It runs the compiled CLI in dist/, which `npm ci` builds (prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/luoshi.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('luoshi 尚未构建 / luoshi is not built: run `npm run build` first.\n');
  process.exit(1);
}
await import(entry.href);
