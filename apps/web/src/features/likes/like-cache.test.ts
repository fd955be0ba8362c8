import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { lookupChunks, lookupKey, setLikedInCache, toLookup, type LikeLookup } from './like-cache.ts';

describe('the hearts cache', () => {
  it('answers every asked id, liked or not', () => {
    expect(toLookup(['a', 'b', 'c'], ['b'])).toEqual({ a: false, b: true, c: false });
  });

  it('asks in chunks of a page, each stable under a reorder inside it', () => {
    expect(lookupChunks(['c', 'a', 'b', 'd', 'a'], 3)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(lookupChunks(['b', 'a', 'c', 'd'], 3)[0]).toEqual(lookupChunks(['a', 'c', 'b', 'd'], 3)[0]);
    expect(lookupChunks([])).toEqual([]);
  });

  it('turns a heart on in every list that shows the track, and tells what it was', () => {
    const client = new QueryClient();
    client.setQueryData(lookupKey(['a', 'b']), toLookup(['a', 'b'], []));
    client.setQueryData(lookupKey(['b']), toLookup(['b'], []));
    client.setQueryData(lookupKey(['c']), toLookup(['c'], ['c']));

    expect(setLikedInCache(client, 'b', true)).toBe(false);

    expect(client.getQueryData<LikeLookup>(lookupKey(['a', 'b']))).toEqual({ a: false, b: true });
    expect(client.getQueryData<LikeLookup>(lookupKey(['b']))).toEqual({ b: true });
    expect(client.getQueryData<LikeLookup>(lookupKey(['c']))).toEqual({ c: true });
  });

  it('puts a heart back when the server refuses', () => {
    const client = new QueryClient();
    client.setQueryData(lookupKey(['a']), toLookup(['a'], ['a']));
    const before = setLikedInCache(client, 'a', false);
    expect(client.getQueryData<LikeLookup>(lookupKey(['a']))).toEqual({ a: false });
    setLikedInCache(client, 'a', before ?? true);
    expect(client.getQueryData<LikeLookup>(lookupKey(['a']))).toEqual({ a: true });
  });

  it('knows nothing of a track no list asked about', () => {
    const client = new QueryClient();
    client.setQueryData(lookupKey(['a']), toLookup(['a'], []));
    expect(setLikedInCache(client, 'z', true)).toBeUndefined();
    expect(client.getQueryData<LikeLookup>(lookupKey(['a']))).toEqual({ a: false });
  });
});
