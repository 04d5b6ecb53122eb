import { browser } from 'wxt/browser';
import { responseSchemas, type BackgroundRequest, type ResponseTo } from './protocol.ts';

/** How long to keep retrying while the service worker starts or restarts. */
const retryDelaysMs = [50, 150, 400, 1000, 2000];

function isTransient(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  // A stopped MV3 service worker answers with these while it restarts; the last one comes when it
  // is stopped while a request is in flight (it had promised an asynchronous answer).
  return /Receiving end does not exist|message port closed|Could not establish connection|message channel closed/i.test(message);
}

/** The background answers `{ error }` when a handler fails, so the sender learns why. */
function isRefusal(raw: unknown): raw is { error: string } {
  return typeof raw === 'object' && raw !== null && typeof (raw as { error?: unknown }).error === 'string';
}

/**
 * Sends a request to the background and parses the response. Retries while the service worker
 * is restarting; callers make requests idempotent (log events carry their own id) so a retry
 * after a lost response cannot double-count.
 */
export async function requestBackground<T extends BackgroundRequest>(
  request: T,
): Promise<ResponseTo<T['type']>> {
  const schema = responseSchemas[request.type];
  for (let attempt = 0; ; attempt++) {
    try {
      const raw: unknown = await browser.runtime.sendMessage(request);
      if (isRefusal(raw)) throw new Error(`Share to Protect background refused ${request.type}: ${raw.error}`);
      // The map pairs each request type with its response schema, so this narrowing holds.
      return schema.parse(raw) as ResponseTo<T['type']>;
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
