import fs from 'node:fs';
import path from 'node:path';

/** The package version, read once (works from src/ under tsx and from dist/). */
export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
