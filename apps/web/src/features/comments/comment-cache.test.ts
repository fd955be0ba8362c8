import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  hotTopKey,
  markGone,
  repliesKey,
  setLikedInCache,
  setLikeState,
  targetKey,
} from './comment-cache.ts';
import type { Comment, CommentPage } from './comment-types.ts';

const target = { targetType: 'track' as const, targetId: 't1' };

function aComment(id: string, patch: Partial<Comment> = {}): Comment {
  return {
    id,
    targetType: 'track',
    targetId: 't1',
    lineIndex: null,
    quotedLine: null,
    parentId: null,
    author: { id: 'a', username: 'a', nickname: 'A', avatarUrl: null },
    body: `comment ${id}`,
    mentions: [],
    likeCount: 3,
    replyCount: 0,
    hugCount: null,
    liked: false,
    hugged: false,
    replyTo: null,
    createdAt: '2026-11-23T00:00:00.000Z',
    deleted: false,
    status: 'visible',
    abilities: { delete: false, remove: false, report: true },
    ...patch,
  };
}

const page = (...data: Comment[]): CommentPage => ({ data, nextCursor: null, total: data.length });

function seeded() {
  const client = new QueryClient();
  const newest: InfiniteData<CommentPage> = {
    pages: [page(aComment('c1'), aComment('c2')), page(aComment('c3'))],
    pageParams: [undefined, 'x'],
  };
  client.setQueryData([...targetKey(target), 'new'], newest);
  client.setQueryData(hotTopKey(target), page(aComment('c2')));
  return client;
}

const newest = (client: QueryClient) =>
  client.getQueryData<InfiniteData<CommentPage>>([...targetKey(target), 'new'])!.pages.flatMap((p) => p.data);
const hot = (client: QueryClient) => client.getQueryData<CommentPage>(hotTopKey(target))!.data;

describe('the comments cache', () => {
  it('likes at once everywhere the comment is shown, and tells what it was', () => {
    const client = seeded();
    const before = setLikedInCache(client, 'c2', true);
    expect(before).toMatchObject({ liked: false, likeCount: 3 });
    expect(newest(client).find((c) => c.id === 'c2')).toMatchObject({ liked: true, likeCount: 4 });
    expect(hot(client)[0]).toMatchObject({ liked: true, likeCount: 4 });
    expect(newest(client).find((c) => c.id === 'c1')).toMatchObject({ liked: false, likeCount: 3 });
  });

  it('does not count a like twice, and never goes below zero', () => {
    const client = seeded();
    setLikedInCache(client, 'c2', true);
    setLikedInCache(client, 'c2', true);
    expect(hot(client)[0]!.likeCount).toBe(4);
    client.setQueryData(
      repliesKey('c1'),
      page(aComment('r1', { parentId: 'c1', likeCount: 0, liked: true })),
    );
    setLikedInCache(client, 'r1', false);
    expect(client.getQueryData<CommentPage>(repliesKey('c1'))!.data[0]).toMatchObject({
      liked: false,
      likeCount: 0,
    });
  });

  it('puts the server’s exact count in place, or the old state back on failure', () => {
    const client = seeded();
    const before = setLikedInCache(client, 'c3', true)!;
    setLikeState(client, 'c3', { liked: before.liked, likeCount: before.likeCount });
    expect(newest(client).find((c) => c.id === 'c3')).toMatchObject({ liked: false, likeCount: 3 });
    setLikeState(client, 'c3', { liked: true, likeCount: 10 });
    expect(newest(client).find((c) => c.id === 'c3')).toMatchObject({ liked: true, likeCount: 10 });
  });

  it('leaves lists that do not show the comment untouched', () => {
    const client = seeded();
    const hotBefore = client.getQueryData(hotTopKey(target));
    setLikedInCache(client, 'c1', true);
    expect(client.getQueryData(hotTopKey(target))).toBe(hotBefore);
  });

  it('shows a deleted comment as gone, and replies that quoted it as quoting a deleted one', () => {
    const client = seeded();
    client.setQueryData(
      repliesKey('c1'),
      page(
        aComment('r1', { parentId: 'c1' }),
        aComment('r2', {
          parentId: 'c1',
          replyTo: { id: 'r1', authorNickname: 'A', excerpt: 'hi', deleted: false },
        }),
      ),
    );
    markGone(client, 'r1', 'deleted');
    const [r1, r2] = client.getQueryData<CommentPage>(repliesKey('c1'))!.data;
    expect(r1).toMatchObject({ deleted: true, status: 'deleted', body: null, author: null });
    expect(r1!.abilities).toEqual({ delete: false, remove: false, report: false });
    expect(r2!.replyTo).toEqual({ id: 'r1', authorNickname: null, excerpt: null, deleted: true });
  });
});
