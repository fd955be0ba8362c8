import { defineConfig } from 'vitest/config';

// Lets the engine tests run on their own: `npx vitest run --root apps/web`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
