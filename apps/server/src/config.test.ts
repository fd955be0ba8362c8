import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const emptyDir = () => mkdtempSync(path.join(os.tmpdir(), 'resonance-config-'));

describe('loadConfig', () => {
  it('has defaults a fresh install can run with', () => {
    const cwd = emptyDir();
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(4533);
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.demo).toBe(true);
    expect(config.musicDirs).toEqual([]);
  });

  it('reads env variables over the config file', () => {
    const cwd = emptyDir();
    writeFileSync(
      path.join(cwd, 'resonance.config.json'),
      JSON.stringify({ port: 5000, musicDirs: ['/music/a'] }),
    );
    const config = loadConfig(
      { RESONANCE_PORT: '6000', RESONANCE_MUSIC_DIRS: '/x, /y ,', RESONANCE_DEMO: 'false' },
      cwd,
    );
    expect(config.port).toBe(6000);
    expect(config.musicDirs).toEqual(['/x', '/y']);
    expect(config.demo).toBe(false);
  });

  it('lists every invalid key at once, naming where it came from', () => {
    const cwd = emptyDir();
    writeFileSync(
      path.join(cwd, 'resonance.config.json'),
      JSON.stringify({ colour: 'red', logLevel: 'loud' }),
    );
    let error: unknown;
    try {
      loadConfig({ RESONANCE_PORT: 'abc', DATABASE_URL: 'not a url' }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('unknown key "colour"');
    expect(message).toContain('RESONANCE_PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('logLevel');
  });

  it('reports a config file that is not JSON', () => {
    const cwd = emptyDir();
    writeFileSync(path.join(cwd, 'resonance.config.json'), '{ port: ');
    expect(() => loadConfig({}, cwd)).toThrow(/not valid JSON/);
  });
});
