import { z } from 'zod';
import { CALL_NAMES, type CallName, type Handlers } from '../preload/contract/api';
import { AppFailure } from '../preload/contract/errors';
import { argSchemas } from '../preload/contract/schemas';
import type { ErrorCode, Result } from '../preload/contract/types';
import { asAppFailure } from './db/sqlite-errors';

const isCallName = (name: string): name is CallName => (CALL_NAMES as readonly string[]).includes(name);

const fail = (code: ErrorCode, detail: string): Result<never> => ({ ok: false, error: { code, detail } });

/**
 * Runs one call: validates its arguments against the contract's schema, runs the handler, and
 * returns the outcome as a value. Nothing thrown in a handler crosses to the renderer as an
 * exception; SQLite's errors arrive with their own codes (busy, disk_full, read_only, corrupt,
 * constraint), anything unexpected as internal.
 */
export async function dispatch(handlers: Handlers, name: string, rawArgs: unknown[]): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('invalid_argument', `Unknown call "${name}".`);
  const parsed = argSchemas[name].safeParse(rawArgs);
  if (!parsed.success)
    return fail('invalid_argument', `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`);
  try {
    // The schema for `name` produced exactly this handler's parameters.
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value: value ?? null };
  } catch (error) {
    const failure = asAppFailure(error);
    if (!(error instanceof AppFailure)) console.error(`[duizhao] ${name} failed`, error);
    return { ok: false, error: failure.toError() };
  }
}
