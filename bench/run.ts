/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn and prints its figures. Speed and size
 * targets live here, not in timed tests, so the test suite stays deterministic on a busy machine.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = (await readdir(dir)).filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only))).sort();
for (const file of files) {
  console.log(`\n── ${file} ──`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: () => Promise<void> };
  if (typeof module.default !== 'function') throw new Error(`${file} has no default export to run`);
  await module.default();
}
