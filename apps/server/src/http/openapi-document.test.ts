import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from './openapi-document.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const documentFile = path.join(repoRoot, 'openapi/resonance.json');
const sdkSchemaFile = path.join(repoRoot, 'packages/sdk/src/schema.d.ts');

/** The committed contract must match the code: run `npm run openapi` after changing a route. */
describe('the committed OpenAPI document and SDK', () => {
  it('match what the routes generate', async () => {
    const generated = await generateOpenApiDocument();
    const committed = await readFile(documentFile, 'utf8');
    expect(JSON.parse(committed), 'openapi/resonance.json is stale: run `npm run openapi`').toEqual(
      JSON.parse(generated),
    );
    const ast = await openapiTS(JSON.parse(generated) as Parameters<typeof openapiTS>[0]);
    const expected = astToString(ast);
    const sdk = await readFile(sdkSchemaFile, 'utf8');
    const strip = (s: string) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '');
    expect(strip(sdk), 'packages/sdk is stale: run `npm run openapi`').toBe(strip(expected));
  });
});
