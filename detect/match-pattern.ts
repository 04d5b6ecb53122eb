/**
 * Chrome/Firefox match patterns (`<scheme>://<host>/<path>`), parsed the way the browser does, so
 * a pattern an administrator lists is checked before it reaches `scripting.registerContentScripts`
 * (one bad pattern there refuses the whole registration).
 */
export interface ParsedPattern {
  scheme: '*' | 'http' | 'https' | 'file';
  /** Exact host, or '' for any host (`*`); `subdomains` allows any subdomain of it. */
  host: string;
  subdomains: boolean;
  path: RegExp;
}

const patternShape = /^(\*|https?|file):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(?::\*|:\d+)?(\/.*)$/;

/** Parses a match pattern, or explains why the browser would refuse it. */
export function parseMatchPattern(pattern: string): { ok: true; parsed: ParsedPattern } | { ok: false; reason: string } {
  if (pattern === '<all_urls>') {
    return { ok: true, parsed: { scheme: '*', host: '', subdomains: true, path: /^\/.*$/s } };
  }
  const shape = patternShape.exec(pattern);
  if (!shape) return { ok: false, reason: `"${pattern}" is not a match pattern like *://*.example.org/*` };
  const [, scheme = '', hostPart = '', pathPart = '/'] = shape;
  if (scheme !== 'file' && hostPart === '') return { ok: false, reason: `"${pattern}" has no host` };
  const subdomains = hostPart === '*' || hostPart.startsWith('*.');
  const host = hostPart === '*' ? '' : hostPart.replace(/^\*\./, '').toLowerCase();
  const path = new RegExp(`^${pathPart.split('*').map(escapeRegExp).join('.*')}$`, 's');
  return { ok: true, parsed: { scheme: scheme as ParsedPattern['scheme'], host, subdomains, path } };
}

export function isValidMatchPattern(pattern: string): boolean {
  return parseMatchPattern(pattern).ok;
}

/** Whether `url` falls under `pattern` (ports are ignored, as browsers do). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const result = parseMatchPattern(pattern);
  if (!result.ok) return false;
  const { scheme, host, subdomains, path } = result.parsed;
  const urlScheme = url.protocol.replace(/:$/, '');
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '' && hostname !== host && !(subdomains && hostname.endsWith(`.${host}`))) return false;
  return path.test(url.pathname + url.search);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
