/**
 * A strict RFC 4180 reader, to check what a CSV consumer gets back. Strict where the RFC is: an
 * unquoted field may not hold a quote, a CR or an LF (a record ends with CRLF only), and a quoted
 * field must be followed by a comma, the end of the record or the end of the file. Anything else
 * throws, so a field the writer forgot to quote cannot slip through as "read back fine".
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV: ${why} at ${i} (${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))})`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"') fail('quote in an unquoted field');
        if (text[i] === '\n') fail('bare LF outside quotes');
        field += text[i];
        i++;
      }
    }
    row.push(field);
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    if (text[i] === ',') {
      i++;
      if (i >= text.length) rows.push([...row, '']);
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    fail(text[i] === '\r' ? 'bare CR outside quotes' : 'text after a closing quote');
  }
  return rows;
}
