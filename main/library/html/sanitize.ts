import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';
import type { DomNode } from './dom-node';

/**
 * DOMPurify over jsdom, made on first use. DOMPurify needs a complete DOM (its README names jsdom;
 * with linkedom it silently returns its input unchanged, which we checked), and jsdom takes about
 * 300 ms to load, so neither is loaded until the first HTML import.
 */
interface Purifier {
  sanitize(html: string, config: Record<string, unknown>): unknown;
}

let purifier: Purifier | null = null;

function load(): Purifier {
  if (purifier) return purifier;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const createDOMPurify = require('dompurify') as (window: unknown) => Purifier & { isSupported: boolean };
  const made = createDOMPurify(new JSDOM('<!DOCTYPE html><body></body>').window);
  // Without a working DOM, DOMPurify returns what it was given: refuse to go on rather than trust it.
  if (!made.isSupported) throw new Error('DOMPurify is not supported on this DOM');
  purifier = made;
  return made;
}

/**
 * The HTML's body, sanitized: scripts, styles, event handlers, forms, embedded documents and
 * dangerous URLs are gone before the allowlist walk reads anything. SVG and MathML are dropped
 * whole (the HTML profile only).
 */
export function sanitizeToDom(html: string): DomNode {
  return load().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript', 'dialog'],
    ALLOW_DATA_ATTR: true,
    RETURN_DOM: true,
  }) as DomNode;
}
