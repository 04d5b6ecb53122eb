import { fileURLToPath } from 'node:url';

/** Path of the default pack shipped with the extension (Node-side tools only). */
export const bundledPackPath = fileURLToPath(new URL('./packs/uk-default.json', import.meta.url));
