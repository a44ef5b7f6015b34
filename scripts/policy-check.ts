// `npm run policy:check [file] [--write-json <out>]`: validates a policy pack (the default pack
// when no file is given) with the same `checkPack` the app uses, and prints either a one-line
// summary (exit 0) or every error as `<path>: <message>` (exit 1). With --write-json it also
// writes the checked pack as JSON for the endpoint to serve; nothing is written for a pack
// that fails, so a broken pack can never be published by this script.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkPack, formatErrors } from '../src/policy/check-pack.ts';
import { defaultPack } from '../src/policy/default-pack/index.ts';

const USAGE = 'Usage: npm run policy:check -- [pack.json] [--write-json <out.json>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(args: string[]): { file?: string; out?: string } {
  const parsed: { file?: string; out?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--write-json') {
      const out = args[++i];
      if (!out) fail(`--write-json needs a file name. ${USAGE}`);
      parsed.out = out;
    } else if (arg.startsWith('-')) {
      fail(`Unknown option ${arg}. ${USAGE}`);
    } else if (parsed.file === undefined) {
      parsed.file = arg;
    } else {
      fail(`Only one pack file can be checked at a time. ${USAGE}`);
    }
  }
  return parsed;
}

/** The pack as JSON data: read from the file, or the default pack round-tripped through JSON. */
function load(file: string | undefined): unknown {
  if (file === undefined) return JSON.parse(JSON.stringify(defaultPack));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    return fail(`Cannot read ${file}: ${why ?? String(error)}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
}

const { file, out } = parseArgs(process.argv.slice(2));
const result = checkPack(load(file));
if (!result.ok) {
  console.error(formatErrors(result.errors));
  const count = result.errors.length;
  fail(`✗ ${file ?? 'the default pack'}: ${count} error${count === 1 ? '' : 's'}.`);
}
const { pack } = result;
console.log(
  `✓ ${pack.name} (${pack.version}): ${pack.flowcharts.length} flowcharts, ${pack.scenarios.length} scenarios, ${pack.ruleSets.length} rule sets, ${pack.categories.length} categories`,
);
if (out !== undefined) {
  try {
    writeFileSync(out, `${JSON.stringify(pack)}\n`);
  } catch (error) {
    fail(`Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  console.log(`Wrote ${out}`);
}
