// Fails when src/lib/api/schema.d.ts is stale relative to ../api/openapi.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = path.resolve(root, '../api/openapi.yaml');
const committed = path.join(root, 'src/lib/api/schema.d.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'tt-schema-'));
const fresh = path.join(dir, 'schema.d.ts');

try {
  execFileSync(process.execPath, [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let current;
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    console.error(`check:types: ${path.relative(root, committed)} is missing; run \`npm run gen:types\`.`);
    process.exit(1);
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error(
      `check:types: ${path.relative(root, committed)} is stale relative to ../api/openapi.yaml; run \`npm run gen:types\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('check:types: schema.d.ts is up to date.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
