import { decodeBytes } from '../decoding';
import { encodingOfLabel, pageCharset } from '../html/charset';

/**
 * Decodes an HTML or XML document from inside a container: the charset the container declares
 * for it (a MIME part's Content-Type) when it is one we read, else what the page itself says or
 * its bytes show (BOM, `<meta charset>`, `<?xml encoding?>`, detection), as for a saved page.
 * There is no one to ask inside an archive, so an unsure detection still takes its best guess.
 */
export function decodeMarkup(bytes: Uint8Array, declared?: string | null): string {
  const encoding = (declared ? encodingOfLabel(declared) : null) ?? pageCharset(bytes).encoding;
  return decodeBytes(bytes, encoding);
}
