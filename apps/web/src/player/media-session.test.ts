import { describe, expect, it } from 'vitest';
import { bindMediaSession, type MediaSessionLike } from './media-session.ts';
import { PlayerEngine } from './player-engine.ts';
import { FakeAudioBackend } from './testing/fake-audio-backend.ts';
import type { PlayerTrack } from './types.ts';

class FakeSession implements MediaSessionLike {
  metadata: MediaMetadata | null = null;
  playbackState: MediaSessionPlaybackState = 'none';
  handlers = new Map<MediaSessionAction, MediaSessionActionHandler>();
  positions: MediaPositionState[] = [];
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
    if (handler) this.handlers.set(action, handler);
    else this.handlers.delete(action);
  }
  setPositionState(state?: MediaPositionState): void {
    if (state) this.positions.push(state);
  }
  fire(action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) {
    this.handlers.get(action)?.({ action, ...details });
  }
}

const track = (id: string): PlayerTrack => ({
  id,
  title: `晴天 ${id}`,
  artists: [{ id: 'j', name: '周杰伦' }],
  album: { id: 'y', title: '叶惠美' },
  durationMs: 100_000,
  coverUrl: '/api/v1/albums/y/cover',
  streamUrl: `/api/v1/tracks/${id}/stream`,
});

describe('media session', () => {
  it('shows the current track and routes lock-screen actions to the engine', () => {
    const backends: FakeAudioBackend[] = [];
    const engine = new PlayerEngine({
      createBackend: () => {
        const backend = new FakeAudioBackend();
        backends.push(backend);
        return backend;
      },
    });
    const session = new FakeSession();
    const unbind = bindMediaSession(engine, session, {
      createMetadata: (init) => init as unknown as MediaMetadata,
      artwork: (t) => [{ src: `${t.coverUrl}?size=512`, sizes: '512x512' }],
    });
    expect(session.playbackState).toBe('none');
    engine.playTracks([track('1'), track('2')]);
    expect(session.metadata).toMatchObject({ title: '晴天 1', artist: '周杰伦', album: '叶惠美' });
    expect(session.playbackState).toBe('playing');

    session.fire('pause');
    expect(engine.getSnapshot().paused).toBe(true);
    expect(session.playbackState).toBe('paused');
    session.fire('nexttrack');
    expect(engine.getSnapshot().current?.track.id).toBe('2');
    expect(session.metadata).toMatchObject({ title: '晴天 2' });
    session.fire('seekto', { seekTime: 30 });
    expect(engine.getSnapshot().position).toBe(30);
    session.fire('seekbackward', {});
    expect(engine.getSnapshot().position).toBe(20);

    unbind();
    expect(session.handlers.size).toBe(0);
    expect(session.metadata).toBeNull();
  });
});
