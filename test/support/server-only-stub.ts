// `server-only` throws when imported outside a React Server environment;
// vitest runs plain Node, where every module is server-side anyway.
export {};
