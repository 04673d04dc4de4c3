/**
 * Encoding detection speed (issue 12 point 8): detecting a file of 3,000 characters of prose in
 * GBK, Big5 and UTF-8, which for the legacy encodings decodes the start of the file in each of
 * them and judges how common each reading's hanzi are. Anchor, measured in the same run: decoding
 * the same bytes once with iconv-lite in the right encoding, which importing does anyway.
 */
import iconv from 'iconv-lite';
import { detectEncoding, type TextEncodingName } from '../main/library/decode';
import { decodeBytes } from '../main/library/decoding';
import { commonness } from '../main/library/hanzi-frequency';
import { samples } from '../tests/helpers/data';
import { type BenchRow, report, timed } from './report';

const all = samples();
const [first, ...rest] = Object.keys(all).sort();
const simplified = [...(all[first as string] as string)].slice(0, 3000).join('');
const traditional = [...rest.map((n) => all[n] as string).join('\n')]
  .filter((ch) => iconv.decode(iconv.encode(ch, 'cp950'), 'cp950') === ch)
  .slice(0, 3000)
  .join('');

const files: [string, Uint8Array, TextEncodingName][] = [
  ['GBK', new Uint8Array(iconv.encode(simplified, 'gbk')), 'gb18030'],
  ['Big5', new Uint8Array(iconv.encode(traditional, 'cp950')), 'big5'],
  ['UTF-8', new Uint8Array(iconv.encode(simplified, 'utf-8')), 'utf-8'],
];
// Built on the first legacy detection in a process, from OpenCC's phrase dictionaries.
const table = timed(() => commonness(''), 0).first;
const REPEAT = 100;
const perFile = (fn: () => unknown) =>
  timed(() => {
    for (let i = 0; i < REPEAT; i++) fn();
  }).median / REPEAT;

const rows: BenchRow[] = files.map(([label, bytes, encoding]) => {
  const d = detectEncoding(bytes);
  if (!d.confident || d.encoding !== encoding)
    throw new Error(`${label}: detected ${d.encoding}, confident ${d.confident}`);
  return {
    what: `detect a 3,000-character ${label} file (${(bytes.byteLength / 1024).toFixed(1)} KB)`,
    ours: perFile(() => detectEncoding(bytes)),
    anchor: perFile(() => decodeBytes(bytes, encoding)),
    anchorName: 'iconv decode once',
    unit: 'ms',
  };
});
rows.push({
  what: 'build the hanzi frequency table (once per process)',
  ours: table,
  anchor: null,
  anchorName: 'once per process',
  unit: 'ms',
});

report('detect', `Encoding detection: one file of 3,000 characters; median of 15 runs of ${REPEAT}`, rows);
