import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CONVERSION_VARIANTS } from '../../preload/contract/scripts';
import { convert, isVariant } from '../script/convert';
import { ScriptDetector } from '../script/detect';

/**
 * The conversion engine without the app:
 *   npm run -s convert -- --to s2twp < in.txt > out.txt
 *   npm run -s convert -- --to s2t --align < in.txt     (JSON: text, alignment, changed segments)
 *   npm run -s convert -- --detect < in.txt             (e.g. "traditional taiwan")
 */
const USAGE = `Usage: npm run -s convert -- --to <variant> [--align] < input.txt > output.txt
       npm run -s convert -- --detect < input.txt

Reads UTF-8 text on standard input.
  --to <variant>  convert with an OpenCC configuration: ${CONVERSION_VARIANTS.join(', ')}
  --align         print JSON instead: the converted text, the alignment (runs of
                  [unchanged gap, source length, target length, changed] per atomic segment)
                  and every segment whose length or text changed, with source and target offsets
  --detect        print the detected script (simplified, traditional, mixed or unknown) and, for
                  Traditional text, its forms (standard, taiwan or hongkong)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function main(): void {
  let values: { to?: string; align?: boolean; detect?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        to: { type: 'string', short: 't' },
        align: { type: 'boolean', default: false },
        detect: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.detect && values.to === undefined) fail('Say which conversion with --to, or use --detect.');
  if (values.to !== undefined && !isVariant(values.to)) fail(`Unknown variant "${values.to}".`);

  const input = readFileSync(0, 'utf8');
  if (values.detect) {
    const { script, form } = ScriptDetector.fromOpencc().classify(input);
    process.stdout.write(`${form ? `${script} ${form}` : script}\n`);
    if (values.to === undefined) return;
  }
  const variant = values.to;
  if (variant === undefined || !isVariant(variant)) return;
  const { text, alignment } = convert(input, variant);
  if (!values.align) {
    process.stdout.write(text);
    return;
  }
  const changed = [...alignment.segments({ source: input, target: text })]
    .filter((s) => s.changed)
    .map((s) => ({
      source: [s.source.start, s.source.end],
      target: [s.target.start, s.target.end],
      from: input.slice(s.source.start, s.source.end),
      to: text.slice(s.target.start, s.target.end),
    }));
  process.stdout.write(`${JSON.stringify({ variant, text, alignment: alignment.toJSON(), changed }, null, 1)}\n`);
}

main();
