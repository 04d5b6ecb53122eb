/**
 * Evidence for the privacy and hostile-page suites: every network request the browser makes
 * (pages, frames and the extension's service worker), every message the background received
 * (kept by the test build's recorder, background/test-recorder.ts), and a way to send the
 * background's own tab messages. Tests search all of it for a sentinel that must not be there.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import type { RecordedMessage } from '../../background/test-recorder.ts';
import { recorderGlobal } from '../../background/test-recorder.ts';

/** A word no page, pack or dictionary holds, so finding it anywhere can only mean a leak. */
export function sentinelWord(): string {
  return `Zqx${randomBytes(6).toString('hex')}Sentinel`;
}

export interface CapturedRequest {
  url: string;
  method: string;
  postData: string;
  headers: string;
  fromServiceWorker: boolean;
}

/**
 * Captures every request of a browser context. `context.on('request')` sees pages, frames and
 * (in Chromium) the extension's service worker; `context.route('**')` is the belt to those
 * braces, as it also intercepts service-worker fetches. WebSockets are per page (`watchPage`).
 */
export class NetworkCapture {
  readonly requests: CapturedRequest[] = [];
  readonly webSockets: string[] = [];

  #record(request: Request): void {
    this.requests.push({
      url: request.url(),
      method: request.method(),
      postData: request.postData() ?? '',
      headers: JSON.stringify(request.headers()),
      fromServiceWorker: request.serviceWorker() !== null,
    });
  }

  static async attach(context: BrowserContext): Promise<NetworkCapture> {
    const capture = new NetworkCapture();
    // Both hooks record: 'request' sees every page request, the route also the worker's own.
    context.on('request', (request) => capture.#record(request));
    await context.route('**', async (route) => {
      capture.#record(route.request());
      await route.continue();
    });
    for (const page of context.pages()) capture.watchPage(page);
    context.on('page', (page) => capture.watchPage(page));
    return capture;
  }

  watchPage(page: Page): void {
    page.on('websocket', (socket) => {
      this.webSockets.push(socket.url());
      socket.on('framesent', (frame) => this.webSockets.push(String(frame.payload)));
    });
  }

  /** Requests going anywhere but the fixture server, the extension itself or in-memory URLs. */
  elsewhere(allowedOrigins: readonly string[]): string[] {
    return this.requests
      .map((request) => request.url)
      // By prefix: Node gives chrome-extension:// URLs the origin "null".
      .filter((url) => !/^(data|blob|about):/.test(url) && !allowedOrigins.some((origin) => url.startsWith(`${origin}/`)));
  }

  /** Every request (URL, method, headers, body) and socket frame as one searchable string. */
  dump(): string {
    return JSON.stringify({ requests: this.requests, webSockets: this.webSockets });
  }
}

/** Every message the background received, raw, from the test build's recorder. */
export async function recordedMessages(worker: Worker): Promise<RecordedMessage[]> {
  const recorded = await worker.evaluate((name) => (globalThis as unknown as Record<string, unknown>)[name] ?? null, recorderGlobal);
  if (!Array.isArray(recorded)) {
    throw new Error('The background has no message recorder: is this a test build (wxt build --mode test)?');
  }
  return recorded as RecordedMessage[];
}

/** What the toolbar button, the shortcut and the context menu do: a message to the tab's top frame. */
export async function sendToTab(worker: Worker, pageUrl: string, type: 'toggle-sidebar' | 'open-sidebar'): Promise<void> {
  await worker.evaluate(
    async ({ url, type }) => {
      const c = (globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } };
      }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await c.tabs.sendMessage(tab.id, { type }, { frameId: 0 });
    },
    { url: pageUrl, type },
  );
}
