import { describe, expect, it, vi } from 'vitest';
import { shareLink, trackShareUrl, type ShareEnvironment } from './share-link.ts';

const data = { url: 'https://music.example/tracks/t1', title: '晴天', text: '分享单曲《晴天》' };

function environment(share?: ShareEnvironment['share']) {
  const writeText = vi.fn(async (_text: string) => undefined);
  return { env: { share, clipboard: { writeText } } satisfies ShareEnvironment, writeText };
}

describe('sharing a link', () => {
  it("points at the song page on the site's own origin", () => {
    expect(trackShareUrl('https://music.example', 'abc')).toBe('https://music.example/tracks/abc');
    expect(trackShareUrl('http://localhost:5173', 'a/b')).toBe('http://localhost:5173/tracks/a%2Fb');
  });

  it('uses the share sheet where there is one, without touching the clipboard', async () => {
    const share = vi.fn(async () => undefined);
    const { env, writeText } = environment(share);
    expect(await shareLink(env, data)).toBe('system');
    expect(share).toHaveBeenCalledWith(data);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies the link where there is no share sheet', async () => {
    const { env, writeText } = environment();
    expect(await shareLink(env, data)).toBe('link');
    expect(writeText).toHaveBeenCalledWith(data.url);
  });

  it('shares nothing when the user closes the share sheet', async () => {
    const { env, writeText } = environment(async () => {
      throw new DOMException('closed', 'AbortError');
    });
    expect(await shareLink(env, data)).toBeNull();
    expect(writeText).not.toHaveBeenCalled();
  });

  it('falls back to copying when the share sheet refuses', async () => {
    const { env, writeText } = environment(async () => {
      throw new DOMException('no', 'NotAllowedError');
    });
    expect(await shareLink(env, data)).toBe('link');
    expect(writeText).toHaveBeenCalledWith(data.url);
  });

  it('fails when there is neither a share sheet nor a clipboard', async () => {
    await expect(shareLink({}, data)).rejects.toThrow();
  });
});
