import { defineConfig } from 'wxt';

/**
 * Public key that pins the extension id (klibfkegehlacidlllnomllpckgkflpe) in dev and test builds only, so that
 * Chromium's managed policy (keyed by extension id) reaches an unpacked build. Release builds get
 * their id from the store.
 */
export const testManifestKey = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAliiWo0pUnTTSf8np7iE8oqxAUI6fBF9ascT7sV3LtPaUMySocjZKAOkBV2QWtDOMtm/BbbIjYbj0I7rLC0lZVmZydzf9QQsurA4iBaIecnwR/qrRuzxeRDcQ7+oUpN++lxEGyOWIDBy93oi/WfUdwaTcm9gm3zaBD/aRVNpn+1i4SevvLB8DJiO9J9KkfK0SgFwTPzzpCL/tWcD83EDO37syJgGSVgHMISaDbWkiVrYf0z9QN67IOc4uNg3xwiwyzU/RTgdZq9xOCJEQMqWyNh4PQASUvFJs0kQ8HSpaHXbkks3A+qEilIPQQAvFB7mGUAnjRdbQxGUrYR/gRT34NwIDAQAB';

/** Content security policy of the options page and the background (test/unit/manifest-least-privilege.test.ts). */
export const extensionPagesCsp = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Loopback origins treated as a case system by test and demo builds, never by release builds. */
const testOrigins = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // Explicit imports only: a name that comes from nowhere is hard to follow (STYLE.md).
  imports: false,
  // Separate output folders let parallel builds (and tests loading them) stay out of each other's way.
  outDir: process.env.STP_OUT_DIR ?? '.output',
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'scripting', 'activeTab'],
    // Sites listed by policy must work with no click from each worker, and Chrome cannot grant
    // host access from policy: so access is asked for at install, and the script is injected
    // only on known systems, policy-listed sites and sites the worker turned on (docs/permissions.md).
    host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    storage: { managed_schema: 'managed_schema.json' },
    // Stricter than the MV3 default (docs/security.md): our own scripts only, no plugins, no <base>
    // or form tricks, never framed, and Trusted Types so no HTML string can become markup.
    content_security_policy: { extension_pages: extensionPagesCsp },
    // No web_accessible_resources: nothing of the extension is reachable from a web page. If one is
    // ever needed it must set use_dynamic_url and be justified in docs/permissions.md (a test checks).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'share-to-protect@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
    ...(mode !== 'production' && browser !== 'firefox' ? { key: testManifestKey } : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...testOrigins])];
      }
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
