import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  // `npm run dev` proxies the API to a running server (`resonance start`, port 4533 by default);
  // RESONANCE_API points it elsewhere.
  const env = loadEnv(mode, '.', 'RESONANCE_');
  const apiTarget = env.RESONANCE_API ?? 'http://127.0.0.1:4533';
  return {
    plugins: [react()],
    server: { proxy: { '/api': { target: apiTarget } } },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  };
});
