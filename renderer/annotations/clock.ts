/**
 * Time as the annotation store sees it: injected so that tests can drive debounces and retries
 * (vitest's fake timers fake the default one too).
 */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type TimerHandle = Parameters<typeof globalThis.clearTimeout>[0];

/** The real clock; it looks the timer functions up on each call, so that fake timers installed later apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as TimerHandle),
};
