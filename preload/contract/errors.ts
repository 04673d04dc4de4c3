import type { AppError, ErrorCode } from './types';

/** An expected failure with a code the UI can explain. Handlers throw it; the dispatcher turns it into a value. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toError(): AppError {
    return { code: this.code, message: this.message };
  }
}
