import type { TestProject } from 'vitest/node';
import { buildTemplate } from './template.ts';

/** The machine's own PostgreSQL (15 on CI), so the oldest supported version is exercised too. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.RESONANCE_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await buildTemplate(adminUrl);
  project.provide('adminUrl', adminUrl);
}
