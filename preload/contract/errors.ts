import type { AppError, ErrorCode, ErrorParams } from './types';

/**
 * An expected failure with a code the UI can explain. Handlers throw it; the dispatcher turns it
 * into a value. The message is a technical detail; what the reader sees comes from the code.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly params?: ErrorParams,
  ) {
    super(detail);
    this.name = 'AppFailure';
  }

  toError(): AppError {
    return this.params
      ? { code: this.code, detail: this.message, params: this.params }
      : { code: this.code, detail: this.message };
  }
}
