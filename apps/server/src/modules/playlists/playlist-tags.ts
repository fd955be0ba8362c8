/**
 * The fixed set of playlist tags, in NetEase's five categories. Tags are stored by id (stable,
 * ASCII, usable in a URL); the labels are for display. Adding a tag is a code change, so the
 * square never fragments into near-duplicate free-text tags.
 */
export const TAG_CATEGORIES = ['language', 'style', 'scene', 'mood', 'theme'] as const;
export type TagCategory = (typeof TAG_CATEGORIES)[number];

export interface PlaylistTag {
  id: string;
  category: TagCategory;
  zh: string;
  en: string;
}

export const MAX_TAGS = 3;

const table: Record<TagCategory, [id: string, zh: string, en: string][]> = {
  language: [
    ['mandarin', '华语', 'Mandarin'],
    ['western', '欧美', 'Western'],
    ['japanese', '日语', 'Japanese'],
    ['korean', '韩语', 'Korean'],
    ['cantonese', '粤语', 'Cantonese'],
    ['other-languages', '小语种', 'Other languages'],
  ],
  style: [
    ['pop', '流行', 'Pop'],
    ['rock', '摇滚', 'Rock'],
    ['folk', '民谣', 'Folk'],
    ['electronic', '电子', 'Electronic'],
    ['dance', '舞曲', 'Dance'],
    ['rap', '说唱', 'Rap'],
    ['light-music', '轻音乐', 'Light music'],
    ['jazz', '爵士', 'Jazz'],
    ['country', '乡村', 'Country'],
    ['rnb', 'R&B/Soul', 'R&B/Soul'],
    ['classical', '古典', 'Classical'],
    ['ethnic', '民族', 'Ethnic'],
    ['britpop', '英伦', 'Britpop'],
    ['metal', '金属', 'Metal'],
    ['punk', '朋克', 'Punk'],
    ['blues', '蓝调', 'Blues'],
    ['reggae', '雷鬼', 'Reggae'],
    ['world', '世界音乐', 'World music'],
    ['latin', '拉丁', 'Latin'],
    ['new-age', 'New Age', 'New Age'],
    ['guofeng', '古风', 'Chinese traditional style'],
    ['post-rock', '后摇', 'Post-rock'],
  ],
  scene: [
    ['morning', '清晨', 'Morning'],
    ['night', '夜晚', 'Night'],
    ['study', '学习', 'Study'],
    ['work', '工作', 'Work'],
    ['siesta', '午休', 'Siesta'],
    ['afternoon-tea', '下午茶', 'Afternoon tea'],
    ['subway', '地铁', 'Subway'],
    ['driving', '驾车', 'Driving'],
    ['workout', '运动', 'Workout'],
    ['travel', '旅行', 'Travel'],
    ['walk', '散步', 'Walk'],
    ['bar', '酒吧', 'Bar'],
  ],
  mood: [
    ['nostalgic', '怀旧', 'Nostalgic'],
    ['fresh', '清新', 'Fresh'],
    ['romantic', '浪漫', 'Romantic'],
    ['sad', '伤感', 'Sad'],
    ['healing', '治愈', 'Healing'],
    ['relaxing', '放松', 'Relaxing'],
    ['lonely', '孤独', 'Lonely'],
    ['touching', '感动', 'Touching'],
    ['excited', '兴奋', 'Excited'],
    ['happy', '快乐', 'Happy'],
    ['quiet', '安静', 'Quiet'],
    ['missing', '思念', 'Missing someone'],
  ],
  theme: [
    ['soundtrack', '影视原声', 'Soundtrack'],
    ['acg', 'ACG', 'ACG'],
    ['children', '儿童', 'Children'],
    ['campus', '校园', 'Campus'],
    ['game', '游戏', 'Game'],
    ['70s', '70后', 'Born in the 70s'],
    ['80s', '80后', 'Born in the 80s'],
    ['90s', '90后', 'Born in the 90s'],
    ['00s', '00后', 'Born in the 00s'],
    ['internet', '网络歌曲', 'Internet songs'],
    ['ktv', 'KTV', 'KTV'],
    ['classics', '经典', 'Classics'],
    ['covers', '翻唱', 'Covers'],
    ['guitar', '吉他', 'Guitar'],
    ['piano', '钢琴', 'Piano'],
    ['instrumental', '器乐', 'Instrumental'],
    ['charts', '榜单', 'Charts'],
    ['variety-show', '综艺', 'Variety show'],
  ],
};

export const PLAYLIST_TAGS: readonly PlaylistTag[] = TAG_CATEGORIES.flatMap((category) =>
  table[category].map(([id, zh, en]) => ({ id, category, zh, en })),
);

/** Every tag id, as a tuple zod can make an enum of. */
export const TAG_IDS = PLAYLIST_TAGS.map((tag) => tag.id) as [string, ...string[]];

const known = new Set<string>(TAG_IDS);

export function isTagId(value: string): boolean {
  return known.has(value);
}

/**
 * The tags to store: known ids, each once, in the order given, at most MAX_TAGS. Returns the
 * first problem instead when there is one, so the caller can name it in a 400.
 */
export function checkTags(
  tags: readonly string[],
): { ok: true; tags: string[] } | { ok: false; code: 'unknown_tag' | 'too_many_tags'; message: string } {
  const unique = [...new Set(tags)];
  const unknown = unique.filter((tag) => !known.has(tag));
  if (unknown.length > 0) {
    return { ok: false, code: 'unknown_tag', message: `Unknown tag: ${unknown.join(', ')}` };
  }
  if (unique.length > MAX_TAGS) {
    return { ok: false, code: 'too_many_tags', message: `A playlist has at most ${MAX_TAGS} tags` };
  }
  return { ok: true, tags: unique };
}
