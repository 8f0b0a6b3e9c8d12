// After tsc: makes the command line executable, and compiles the amplify_outputs.json schemas into standalone
// validators, so that a conversion does not pay for compiling a schema at run time.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('../', import.meta.url);
chmodSync(new URL('dist/cli/main.js', root), 0o755);

const versions = ['1', '1.1', '1.2', '1.3', '1.4', '1.5'];
const target = new URL('dist/compiled-schemas/', root);
mkdirSync(target, { recursive: true });
for (const version of versions) {
  const schema = JSON.parse(readFileSync(new URL(`schemas/schema_v${version}.json`, root), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { source: true, esm: false } });
  ajv.addKeyword('tsType');
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`schema_v${version}.cjs`, target), standaloneCode.default(ajv, validate));
}
