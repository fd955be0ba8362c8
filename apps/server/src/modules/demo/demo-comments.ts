import type { DemoTrack } from './demo-catalog.repository.ts';

/** What seeding comments needs: post as a user, like and hug as a user. */
export interface DemoCommentActions {
  post(
    username: string,
    input: {
      targetType: 'track' | 'album' | 'playlist' | 'lyric';
      targetId: string;
      body: string;
      lineIndex?: number;
      parentId?: string;
    },
  ): Promise<string | undefined>;
  like(username: string, commentId: string): Promise<void>;
  hug(username: string, commentId: string): Promise<void>;
}

/**
 * A few conversations under the first songs, the way they read under a NetEase song: a story
 * that people like and answer, the musician thanking listeners, a quoted lyric line, and a
 * note on a playlist. Replies, likes and hugs go through the same rules as real ones (and
 * notify the authors).
 */
export async function seedDemoComments(
  actions: DemoCommentActions,
  tracks: readonly DemoTrack[],
  playlistId: string | undefined,
): Promise<number> {
  const [first, second] = tracks;
  if (!first) return 0;
  let count = 0;
  const post = async (...args: Parameters<DemoCommentActions['post']>) => {
    const id = await actions.post(...args);
    if (id) count += 1;
    return id;
  };

  const story = await post('demo', {
    targetType: 'track',
    targetId: first.id,
    body: '第一次听就单曲循环了一整晚。那年冬天一个人在外地，是这首歌陪我走回宿舍的。',
  });
  if (story) {
    await post('alice', {
      targetType: 'track',
      targetId: first.id,
      parentId: story,
      body: 'Same here, the chorus gets me every time. Hope you are doing better now 🤍',
    });
    await post('musician', {
      targetType: 'track',
      targetId: first.id,
      parentId: story,
      body: '@demo 谢谢你愿意分享，这就是我们写歌的意义。',
    });
    for (const username of ['alice', 'musician', 'moderator']) await actions.like(username, story);
    await actions.hug('moderator', story);
  }
  const light = await post('alice', {
    targetType: 'track',
    targetId: first.id,
    body: 'Came for the melody, stayed for the comments. @musician more songs like this, please!',
  });
  if (light) await actions.like('demo', light);
  if (first.lyricLines > 2) {
    await post('demo', { targetType: 'lyric', targetId: first.id, lineIndex: 2, body: '这句写的就是我。' });
  }
  if (second) {
    const thanks = await post('musician', {
      targetType: 'track',
      targetId: second.id,
      body: '这首歌写于一个下雨的夜晚，谢谢每一个听到这里的人。',
    });
    if (thanks) for (const username of ['demo', 'alice']) await actions.like(username, thanks);
  }
  if (playlistId) {
    await post('alice', {
      targetType: 'playlist',
      targetId: playlistId,
      body: 'Perfect for 2 a.m. Saved it.',
    });
  }
  return count;
}
