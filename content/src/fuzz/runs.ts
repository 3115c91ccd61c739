/**
 * How many cases each property test tries: a short run in `npm test`, a long one behind
 * `npm run fuzz -w content` (FUZZ_RUNS=100000). The seed is fixed so a failure replays.
 */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 1940);
/** Long runs may take minutes; the short run must stay fast. */
export const FUZZ_TIMEOUT_MS = FUZZ_RUNS > 1000 ? 60 * 60 * 1000 : 60_000;
