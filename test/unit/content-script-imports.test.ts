/**
 * The content script loads on every page of every case system, so what it imports is its weight
 * (≤ 60 KB gzipped, issue #4; `npm run bench -- bundle-size` prints it). This walks its static
 * import graph from the entrypoint and keeps out what belongs to the background: the default pack
 * comes from the background as data, and the log (Dexie) is the background's alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const entry = join(root, 'entrypoints', 'casenote.content.ts');

/**
 * Module specifiers of `import … from` and `export … from` statements (from the start of a line,
 * so a comment that mentions a package is not an import), bare `import '…'` and `import('…')`.
 */
const specifierPattern = /^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm;

function importGraph(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const source = readFileSync(file, 'utf8').replace(/^\s*import\s+type\b.*$/gm, '');
    for (const match of source.matchAll(specifierPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier === undefined) continue;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
      if (!existsSync(target)) throw new Error(`${relative(root, file)} imports ${specifier}, which does not exist`);
      pending.push(target);
    }
  }
  return { files, packages };
}

describe('what the content script imports', () => {
  const graph = importGraph(entry);
  const files = [...graph.files].map((file) => relative(root, file).split('\\').join('/'));

  it('reaches the rule engine, the protocol and the i18n catalogues it needs', () => {
    expect(files).toEqual(expect.arrayContaining(['rules/load.ts', 'messaging/protocol.ts', 'public/_locales/cy/messages.json']));
  });

  it('leaves the default pack, the log database, the policy readers, the trainer and the options page strings to others', () => {
    const backgroundOnly = files.filter((file) =>
      /^rules\/packs\/|^rules\/default-pack\.ts$|^rules\/train\.ts$|^log\/(db|store)\.ts$|^policy\/(read-managed|pack-source)\.ts$|^i18n\/options/.test(file),
    );
    expect(backgroundOnly).toEqual([]);
    expect([...graph.packages].filter((name) => /^dexie\b/.test(name))).toEqual([]);
  });

  it('uses Zod Mini only, through validation/zod.ts', () => {
    expect([...graph.packages].filter((name) => /^zod\b/.test(name) && name !== 'zod/mini' && !name.startsWith('zod/v4/locales/'))).toEqual([]);
  });
});
