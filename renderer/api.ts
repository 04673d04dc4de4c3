import type { DuizhaoApi } from '../preload/contract/api';
import type { AppError, Result } from '../preload/contract/types';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the test bridge (browser tests). */
    duizhao: DuizhaoApi;
  }
}

/** The bridge to main. */
export const api = (): DuizhaoApi => window.duizhao;

/** A failed call, thrown inside the renderer so a component can show it. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.detail);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}
