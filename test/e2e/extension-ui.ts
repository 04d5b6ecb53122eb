import type { CDPSession, Frame, Page } from '@playwright/test';

/**
 * Reaches the extension's UI inside its closed shadow root, as a screen reader or the browser
 * itself can but the page cannot: through the DevTools protocol, which pierces closed roots.
 * Tests then assert on what the worker sees and click it with the real mouse.
 */
export class ExtensionUi {
  #cdp: CDPSession | undefined;

  /**
   * `inFrame`: the UI inside an out-of-process (cross-origin) frame, whose renderer the page's
   * own cannot see into; `selector` finds that frame's element in the page, for mouse clicks.
   */
  constructor(
    private readonly page: Page,
    private readonly inFrame?: { frame: Frame; selector: string },
  ) {}

  async #session(): Promise<CDPSession> {
    this.#cdp ??= await this.page.context().newCDPSession(this.inFrame?.frame ?? this.page);
    return this.#cdp;
  }

  /** Runs `fn` (source text of a function taking the shadow root) and returns its JSON result. */
  async evaluate<T>(fn: string, arg?: unknown): Promise<T | undefined> {
    const cdp = await this.#session();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'share-to-protect' });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return undefined;
    const result = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function(arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) throw new Error(`In the extension UI: ${result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  /** Visible text of the UI (empty when nothing is shown). */
  async text(): Promise<string> {
    return (await this.evaluate<string>('(root) => root.textContent ?? ""')) ?? '';
  }

  async exists(selector: string): Promise<boolean> {
    return (await this.evaluate<boolean>('(root, sel) => root.querySelector(sel) !== null', selector)) ?? false;
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return (
      (await this.evaluate<string | null>(
        '(root, a) => root.querySelector(a.selector)?.getAttribute(a.name) ?? null',
        { selector, name },
      )) ?? null
    );
  }

  /** Clicks the element's centre with the real mouse, as a worker would. */
  async click(selector: string): Promise<void> {
    const box = await this.evaluate<{ x: number; y: number } | null>(
      `(root, sel) => { const el = root.querySelector(sel); if (!el) return null;
        const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
      selector,
    );
    if (!box) throw new Error(`Nothing in the extension UI matches ${selector}`);
    // In a frame, the element's place is relative to the frame's content box.
    const origin = this.inFrame
      ? await this.page.locator(this.inFrame.selector).evaluate((el) => {
          const frameBox = el.getBoundingClientRect();
          return { x: frameBox.left + el.clientLeft, y: frameBox.top + el.clientTop };
        })
      : { x: 0, y: 0 };
    await this.page.mouse.click(origin.x + box.x, origin.y + box.y);
  }

  /** Waits until `selector` exists in the UI. */
  async waitFor(selector: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await this.exists(selector)) return;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`Timed out waiting for ${selector} in the extension UI`);
  }
}
