import { MAX_PACK_BYTES } from '../rules/load.ts';
import type { ManagedPolicy } from './managed-schema.ts';
import { errorText, type PolicyProblem } from './problems.ts';

/** Where the policy says the pack comes from. */
export type PackRequest =
  | { kind: 'bundled' }
  | { kind: 'inline'; text: string }
  | { kind: 'url'; url: string; sha256: string };

/**
 * Reads the pack settings of a checked policy. `rulePack` wins when both are set, so an
 * administrator testing a pack inline is not overridden by an older published one; the clash is
 * reported so it is not left in place by mistake.
 */
export function packRequestFrom(policy: ManagedPolicy, present: readonly string[]): { request: PackRequest; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  if (policy.rulePack !== undefined) {
    if (present.includes('rulePackUrl')) problems.push({ path: 'rulePackUrl', message: 'ignored: rulePack is also set, and rulePack wins' });
    return { request: { kind: 'inline', text: policy.rulePack }, problems };
  }
  if (policy.rulePackUrl !== undefined) {
    if (policy.rulePackSha256 === undefined) {
      if (!present.includes('rulePackSha256')) problems.push({ path: 'rulePackSha256', message: 'required with rulePackUrl: the pack is used only if its SHA-256 matches' });
      return { request: { kind: 'bundled' }, problems };
    }
    return { request: { kind: 'url', url: policy.rulePackUrl, sha256: policy.rulePackSha256.toLowerCase() }, problems };
  }
  return { request: { kind: 'bundled' }, problems };
}

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface FetchOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

export const defaultFetchOptions = (): FetchOptions => ({ fetch: (input, init) => fetch(input, init), timeoutMs: 15_000, maxBytes: MAX_PACK_BYTES });

type Fetched = { ok: true; text: string } | { ok: false; problems: PolicyProblem[] };

const refuse = (message: string): Fetched => ({ ok: false, problems: [{ path: 'rulePackUrl', message }] });

/** Plain http is allowed only on the machine itself (for testing a pack before publishing it). */
function allowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Fetches the pack at the policy's address and returns its text only if the bytes hash to the
 * pinned SHA-256. Bounded: a timeout, a size cap read off the stream (a server that lies about
 * Content-Length still stops at the cap), JSON content types only (a login page served with 200
 * is refused by name), no cookies, and no redirect to another host.
 */
export async function fetchPinnedPack(address: string, sha256: string, options: FetchOptions): Promise<Fetched> {
  const url = new URL(address);
  if (!allowedUrl(url)) return refuse(`must be https (got ${url.protocol})`);
  let response: Response;
  try {
    response = await options.fetch(url.href, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return refuse(`no answer within ${options.timeoutMs / 1000} s`);
    return refuse(`could not be reached: ${errorText(error)}`);
  }
  if (response.redirected && new URL(response.url).host !== url.host) {
    await response.body?.cancel();
    return refuse(`redirected to another host (${new URL(response.url).host}); publish the pack at its final address`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return refuse(`the server answered ${response.status} ${response.statusText}`.trim());
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !type.endsWith('+json') && type !== 'text/plain') {
    await response.body?.cancel();
    return refuse(`the server sent ${type || 'no content type'}, not JSON (is the address a login or error page?)`);
  }
  const body = await readCapped(response, options.maxBytes);
  if (!body.ok) return refuse(body.message);
  const actual = await sha256Hex(body.bytes);
  if (actual !== sha256.toLowerCase()) {
    return { ok: false, problems: [{ path: 'rulePackSha256', message: `the pack at rulePackUrl has SHA-256 ${actual}, not the pinned ${sha256.toLowerCase()}` }] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body.bytes) };
  } catch {
    return refuse('the pack is not UTF-8 text');
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, message: `the pack is ${declared} bytes; the limit is ${maxBytes}` };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, message: `the pack is over the limit of ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, message: timedOut ? 'the download did not finish in time' : `the download failed: ${errorText(error)}` };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
