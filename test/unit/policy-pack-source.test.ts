import { describe, expect, it } from 'vitest';
import { fetchPinnedPack, packRequestFrom, sha256Hex, type FetchOptions } from '../../policy/pack-source.ts';

const body = JSON.stringify({ id: 'pack' });

function server(respond: (url: string, init?: RequestInit) => Promise<Response> | Response, maxBytes = 1024 * 1024): FetchOptions {
  return { fetch: async (input, init) => respond(String(input), init), timeoutMs: 200, maxBytes };
}

function json(text: string, init: ResponseInit = {}): Response {
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json' }, ...init });
}

describe('fetching a pinned pack', () => {
  it('returns the text when the hash matches', async () => {
    const result = await fetchPinnedPack('https://packs.example.org/p.json', await sha256Hex(body), server(() => json(body)));
    expect(result).toEqual({ ok: true, text: body });
  });

  it('refuses a hash mismatch, naming both hashes', async () => {
    const result = await fetchPinnedPack('https://packs.example.org/p.json', 'a'.repeat(64), server(() => json(body)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'rulePackSha256', message: expect.stringContaining('a'.repeat(64)) });
  });

  it('refuses an HTML page served with 200 (a login page)', async () => {
    const page = new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const result = await fetchPinnedPack('https://packs.example.org/p.json', await sha256Hex(body), server(() => page));
    expect(result.ok || result.problems[0]?.message).toMatch(/text\/html/);
  });

  it('refuses a redirect to another host', async () => {
    const moved = json(body);
    Object.defineProperty(moved, 'redirected', { value: true });
    Object.defineProperty(moved, 'url', { value: 'https://elsewhere.example.com/p.json' });
    const result = await fetchPinnedPack('https://packs.example.org/p.json', await sha256Hex(body), server(() => moved));
    expect(result.ok || result.problems[0]?.message).toMatch(/another host/);
  });

  it('gives up after the timeout', async () => {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const result = await fetchPinnedPack('https://packs.example.org/p.json', await sha256Hex(body), server(never));
    expect(result.ok || result.problems[0]?.message).toMatch(/no answer within/);
  });

  it('stops reading at the size cap even when Content-Length is missing', async () => {
    const big = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const result = await fetchPinnedPack('https://packs.example.org/p.json', 'a'.repeat(64), server(() => new Response(big, { headers: { 'content-type': 'application/json' } }), 256 * 1024));
    expect(result.ok || result.problems[0]?.message).toMatch(/limit/);
  });

  it('refuses a server error and plain http to another machine', async () => {
    const failed = await fetchPinnedPack('https://packs.example.org/p.json', 'a'.repeat(64), server(() => new Response('', { status: 503 })));
    expect(failed.ok || failed.problems[0]?.message).toMatch(/503/);
    const http = await fetchPinnedPack('http://packs.example.org/p.json', 'a'.repeat(64), server(() => json(body)));
    expect(http.ok || http.problems[0]?.message).toMatch(/https/);
  });
});

describe('which pack the policy asks for', () => {
  it('needs a hash with a URL, and prefers an inline pack', () => {
    expect(packRequestFrom({ rulePackUrl: 'https://x.example/p.json' }, ['rulePackUrl']).problems[0]?.path).toBe('rulePackSha256');
    const both = packRequestFrom({ rulePack: '{}', rulePackUrl: 'https://x.example/p.json' }, ['rulePack', 'rulePackUrl']);
    expect(both.request.kind).toBe('inline');
    expect(both.problems[0]?.path).toBe('rulePackUrl');
    expect(packRequestFrom({}, []).request.kind).toBe('bundled');
  });
});
