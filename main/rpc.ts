import { z } from 'zod';
import { CALL_NAMES, type CallName, type Handlers } from '../preload/contract/api';
import { AppFailure } from '../preload/contract/errors';
import { argSchemas } from '../preload/contract/schemas';
import type { AppError, Result } from '../preload/contract/types';

const isCallName = (name: string): name is CallName => (CALL_NAMES as readonly string[]).includes(name);

const fail = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/**
 * Runs one call: validates its arguments against the contract's schema, runs the handler, and
 * returns the outcome as a value. Nothing thrown in a handler crosses to the renderer as an exception.
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
    if (error instanceof AppFailure) return { ok: false, error: error.toError() };
    console.error(`[duizhao] ${name} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    return fail(/sqlite/i.test(message) ? 'database' : 'internal', message);
  }
}
