import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, caseSystemAdapters, knownSystemMatches } from '../../detect/adapters/index.ts';
import { detectionProfile } from '../../detect/profile.ts';
import { isValidMatchPattern, matchesPattern } from '../../detect/match-pattern.ts';
import { listedSitePatterns, originPattern } from '../../background/activation.ts';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
const fixtureReadme = readFileSync(join(fixturesDir, 'README.md'), 'utf8');

describe('case-system adapters (convention)', () => {
  it('have unique ids and are registered sorted by id', () => {
    const ids = caseSystemAdapters.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  for (const adapter of caseSystemAdapters) {
    describe(adapter.id, () => {
      it('has a fixture page that exists and a line in test/fixtures/README.md', () => {
        expect(existsSync(join(fixturesDir, 'pages', adapter.fixture))).toBe(true);
        expect(fixtureReadme).toContain(`| ${adapter.fixture} |`);
      });
      it('has valid match patterns and test paths that exist', () => {
        for (const pattern of adapter.matches) expect(isValidMatchPattern(pattern), pattern).toBe(true);
        expect(adapter.testPaths).toContain(`/${adapter.fixture}`);
        for (const path of adapter.testPaths) expect(existsSync(join(fixturesDir, 'pages', path)), path).toBe(true);
      });
      it('names its quirks and how its note field is recognised', () => {
        expect(adapter.quirks.length).toBeGreaterThan(0);
        expect((adapter.fieldHints.labels?.length ?? 0) + (adapter.fieldHints.selectors?.length ?? 0)).toBeGreaterThan(0);
      });
      it('is the adapter chosen for its fixture page in test builds only', () => {
        const url = new URL(`http://127.0.0.1:8080/${adapter.fixture}`);
        expect(adapterFor(url, true)?.id).toBe(adapter.id);
        expect(adapterFor(url, false)).toBeUndefined();
      });
    });
  }

  it('declare the content script statically only where a system has a hosted address', () => {
    expect(knownSystemMatches).toContain('*://*.cpoms.net/*');
    expect(knownSystemMatches.every(isValidMatchPattern)).toBe(true);
    expect(adapterFor(new URL('https://school.cpoms.net/incident/add'), false)?.id).toBe('cpoms');
  });
});

describe('match patterns', () => {
  it('match as the browser does', () => {
    expect(matchesPattern('*://*.cpoms.net/*', new URL('https://a.cpoms.net/x'))).toBe(true);
    expect(matchesPattern('*://*.cpoms.net/*', new URL('https://cpoms.net/'))).toBe(true);
    expect(matchesPattern('*://*.cpoms.net/*', new URL('https://evilcpoms.net/'))).toBe(false);
    expect(matchesPattern('https://records.example.org/notes/*', new URL('https://records.example.org/notes/1'))).toBe(true);
    expect(matchesPattern('https://records.example.org/notes/*', new URL('https://records.example.org/other'))).toBe(false);
    expect(matchesPattern('*://*/*', new URL('ftp://x.org/'))).toBe(false);
  });
  it('refuse what the browser would refuse', () => {
    for (const bad of ['example.org', 'https://*example.org/*', 'https://exa*mple.org/*', 'chrome://settings/*', 'https://x.org']) {
      expect(isValidMatchPattern(bad), bad).toBe(false);
    }
  });
});

describe('activation and profiles', () => {
  it('registers policy and worker sites together and sets invalid patterns aside', () => {
    const result = listedSitePatterns([{ matches: ['https://notes.example.org/*', 'not a pattern'] }], ['https://mine.example.org/*']);
    expect(result.patterns).toEqual(['https://notes.example.org/*', 'https://mine.example.org/*']);
    expect(result.refused).toEqual(['not a pattern']);
  });
  it('turns a worker site on for its whole origin, and only for web pages', () => {
    expect(originPattern('https://notes.example.org:8443/case/1?id=2')).toBe('https://notes.example.org/*');
    expect(originPattern('chrome://extensions')).toBeUndefined();
  });
  it('names a policy-listed site by its systemId and uses its field selectors; others are generic', () => {
    const sites = [{ matches: ['https://lcs.council.example/*'], systemId: 'lcs', fieldSelectors: ['#casenote'] }];
    const listed = detectionProfile(new URL('https://lcs.council.example/case/1'), sites, false);
    expect(listed.systemId).toBe('lcs');
    expect(listed.fieldSelectors).toEqual(['#casenote']);
    expect(listed.noteLabels).toContain('Case Note');
    expect(detectionProfile(new URL('https://other.example/'), sites, false).systemId).toBe('generic');
  });
});
