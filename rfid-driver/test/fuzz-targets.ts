/** Frame parsers registered for the property tests (filled in as reader families land). */
export const fuzzTargets: [string, (b: Uint8Array) => unknown][] = [];
