import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOpenApiDocument } from '../http/openapi-document.ts';

export async function runOpenApi(out: string): Promise<void> {
  const document = await generateOpenApiDocument();
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, document);
  console.log(`wrote ${out}`);
}
