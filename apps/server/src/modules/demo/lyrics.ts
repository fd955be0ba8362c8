/**
 * Made-up song lyrics, written in Chinese and English side by side. Every template and every word
 * exists in both languages, so a translation is simply the other column: it always has the same
 * lines at the same timestamps as the original.
 */
import type { LyricCue } from './arranger.ts';
import type { Language } from './catalog.ts';
import { createRng, type Rng } from './prng.ts';

interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

type Slot = 'place' | 'time' | 'thing';

const WORDS: Record<Slot, readonly Bilingual[]> = {
  place: [
    { zh: '街角', en: 'street corner' },
    { zh: '站台', en: 'platform' },
    { zh: '河边', en: 'riverside' },
    { zh: '屋顶', en: 'rooftop' },
    { zh: '小巷', en: 'alley' },
    { zh: '窗前', en: 'window' },
    { zh: '海边', en: 'seaside' },
    { zh: '山坡', en: 'hillside' },
    { zh: '桥头', en: 'bridge' },
    { zh: '旧车站', en: 'old station' },
  ],
  time: [
    { zh: '黄昏', en: 'dusk' },
    { zh: '深夜', en: 'midnight' },
    { zh: '清晨', en: 'dawn' },
    { zh: '秋天', en: 'autumn' },
    { zh: '冬夜', en: 'winter night' },
    { zh: '夏夜', en: 'summer night' },
    { zh: '雨季', en: 'rainy season' },
  ],
  thing: [
    { zh: '灯火', en: 'lamplight' },
    { zh: '星光', en: 'starlight' },
    { zh: '晚风', en: 'evening wind' },
    { zh: '雨声', en: 'rain' },
    { zh: '回声', en: 'echo' },
    { zh: '月光', en: 'moonlight' },
    { zh: '老歌', en: 'old song' },
    { zh: '潮水', en: 'tide' },
    { zh: '初雪', en: 'first snow' },
    { zh: '萤火', en: 'firefly glow' },
  ],
};

const VERSE_LINES: readonly Bilingual[] = [
  { zh: '{time}的{place}，{thing}还在', en: '{time} at the {place}, the {thing} is still there' },
  { zh: '我把{thing}装进口袋', en: 'I keep the {thing} in my pocket' },
  { zh: '走过{place}，想起你的脸', en: 'Walking past the {place}, I remember your face' },
  { zh: '{thing}轻轻落在肩上', en: 'The {thing} rests softly on my shoulder' },
  { zh: '等一场{time}的{thing}', en: 'Waiting for the {thing} of {time}' },
  { zh: '你说{place}会记得我们', en: 'You said the {place} would remember us' },
  { zh: '别让{thing}走得太远', en: "Don't let the {thing} drift too far" },
  { zh: '我们在{place}听着{thing}', en: 'We listen to the {thing} by the {place}' },
  { zh: '一个人的{time}不算太长', en: '{time} alone is not so long' },
  { zh: '把心事写给{thing}', en: 'I write my secrets to the {thing}' },
  { zh: '推开窗，{thing}涌进来', en: 'I open the window and the {thing} pours in' },
  { zh: '慢慢走，慢慢唱', en: 'Walk slowly, sing slowly' },
  { zh: '{thing}是我们的暗号', en: 'The {thing} is our secret sign' },
  { zh: '不问明天，只看{thing}', en: 'Forget tomorrow, just watch the {thing}' },
  { zh: '那年{time}，你站在{place}', en: 'That {time}, you stood at the {place}' },
  { zh: '心跳和{thing}一样安静', en: 'My heartbeat is as quiet as the {thing}' },
  { zh: '旧照片里的{place}', en: 'The {place} in an old photograph' },
  { zh: '谁在{place}哼着歌', en: 'Who is humming by the {place}' },
  { zh: '影子被{thing}拉长', en: 'My shadow grows long in the {thing}' },
  { zh: '数一数{time}的脚步', en: 'Counting the footsteps of {time}' },
];

const CHORUS_LINES: readonly Bilingual[] = [
  { zh: '就让{thing}带我回家', en: 'Let the {thing} carry me home' },
  { zh: '啦啦啦，{time}不说再见', en: 'La la la, {time} never says goodbye' },
  { zh: '我还在{place}等你', en: 'I am still waiting at the {place}' },
  { zh: '唱给{time}听', en: 'I sing it for the {time}' },
  { zh: '抱紧这一刻的{thing}', en: 'Hold on to the {thing} of this moment' },
  { zh: '别走，别走，{place}的{thing}', en: 'Stay, stay, {thing} of the {place}' },
  { zh: '我们的{time}永远不会老', en: 'Our {time} will never grow old' },
  { zh: '心里下着温柔的雨', en: 'A gentle rain is falling in my heart' },
  { zh: '跟着{thing}一起飞', en: 'Fly away with the {thing}' },
  { zh: '哦，{thing}，哦，{thing}', en: 'Oh, {thing}, oh, {thing}' },
];

export interface LyricLine {
  readonly time: number;
  /** In the song's language; empty for an instrumental break. */
  readonly text: string;
  /** The same line in the other language. */
  readonly translation: string;
}

/** The language a song's translation sidecar is written in, as used in `<base>.<tag>.lrc`. */
export function translationLanguageTag(language: Language): string {
  return language === 'zh' ? 'en' : 'zh-CN';
}

/** Writes one line per cue. Chorus and pre-chorus lines repeat word for word; verses never do. */
export function writeLyrics(cues: readonly LyricCue[], language: Language, seed: number): LyricLine[] {
  const song = createRng(seed).fork('lyrics');
  // A song keeps to a few images (two places, two times, three things), which makes it feel written.
  const vocabulary: Record<Slot, Bilingual[]> = {
    place: song.fork('place').shuffle(WORDS.place).slice(0, 2),
    time: song.fork('time').shuffle(WORDS.time).slice(0, 2),
    thing: song.fork('thing').shuffle(WORDS.thing).slice(0, 3),
  };
  const verseOrder = song.fork('verse-order').shuffle(VERSE_LINES);
  const chorusOrder = song.fork('chorus-order').shuffle(CHORUS_LINES);
  let verseLinesUsed = 0;

  return cues.map((cue) => {
    if (cue.line < 0) return { time: cue.time, text: '', translation: '' };
    const repeats = cue.section === 'chorus' || cue.section === 'preChorus';
    let template: Bilingual;
    if (cue.section === 'chorus') template = chorusOrder[cue.line % chorusOrder.length]!;
    else if (cue.section === 'preChorus')
      template = verseOrder[(verseOrder.length - 1 - cue.line) % verseOrder.length]!;
    else template = verseOrder[verseLinesUsed++ % (verseOrder.length - 4)]!;
    const fill = song.fork(
      repeats ? `${cue.section}:${cue.line}` : `${cue.section}:${cue.occurrence}:${cue.line}`,
    );
    const line = fillTemplate(template, vocabulary, fill);
    return language === 'zh'
      ? { time: cue.time, text: line.zh, translation: line.en }
      : { time: cue.time, text: line.en, translation: line.zh };
  });
}

function fillTemplate(template: Bilingual, vocabulary: Record<Slot, Bilingual[]>, rng: Rng): Bilingual {
  const chosen = {
    place: rng.pick(vocabulary.place),
    time: rng.pick(vocabulary.time),
    thing: rng.pick(vocabulary.thing),
  };
  const fill = (text: string, language: keyof Bilingual) =>
    text.replace(/\{(place|time|thing)\}/g, (_, slot: Slot) => chosen[slot][language]);
  const english = fill(template.en, 'en');
  return { zh: fill(template.zh, 'zh'), en: english.charAt(0).toUpperCase() + english.slice(1) };
}
