/**
 * Version 1 of the log schema, frozen: kept so that tests can build a version 1 database exactly
 * as released and upgrade it. Never edit; add a new version instead.
 */
export const v1Stores = { events: 'id, at' } as const;
