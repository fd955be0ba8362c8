import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, lexemesOf, nameKeysOf, parseQuery, tsvectorLiteral } from './search-tokenizer.ts';

describe('lexemesOf', () => {
  it('indexes a Chinese title by characters, bigrams, pinyin and initials', () => {
    expect(lexemesOf('晴天')).toEqual(
      expect.arrayContaining(['晴', '天', '晴天', 'qing', 'tian', 'qingtian', 'qt']),
    );
  });

  it('indexes the words jieba finds, with their own readings', () => {
    const lexemes = lexemesOf('周杰伦的晴天');
    expect(lexemes).toEqual(expect.arrayContaining(['周杰伦', 'zhoujielun', 'zjl', 'qingtian', 'qt']));
  });

  it('reads names with the surname table', () => {
    expect(lexemesOf('曾轶可', { personName: true })).toContain('zeng');
    expect(lexemesOf('曾经')).toContain('ceng');
  });

  it('spells ü both as u and as v', () => {
    expect(lexemesOf('绿色')).toEqual(expect.arrayContaining(['lu', 'lv', 'luse', 'lvse']));
  });

  it('joins the reading of a title spaced out character by character', () => {
    expect(lexemesOf('我 爱 你')).toEqual(expect.arrayContaining(['woaini', 'wan']));
  });

  it('folds Latin words', () => {
    expect(lexemesOf("Für Elise, Don't Stop")).toEqual(['fur', 'elise', 'dont', 'stop']);
  });
});

describe('nameKeysOf', () => {
  it('gives the folded name and its pinyin and initials spellings', () => {
    expect(nameKeysOf('晴天')).toEqual({ folded: '晴天', keys: ['晴天', 'qingtian', 'qt'] });
    expect(nameKeysOf('周杰伦', { personName: true })).toEqual({
      folded: '周杰伦',
      keys: ['周杰伦', 'zhoujielun', 'zjl'],
    });
    expect(nameKeysOf('Für Elise')).toEqual({ folded: 'fur elise', keys: ['furelise'] });
    expect(nameKeysOf('晴天 Live')).toEqual({
      folded: '晴天 live',
      keys: ['晴天live', 'qingtianlive', 'qt'],
    });
  });
});

describe('tsvectorLiteral', () => {
  it('weights the title A and the rest B, a lexeme in both carrying both', () => {
    expect(tsvectorLiteral(['qing', 'tian'], ['tian', 'zjl'])).toBe("'qing':1A 'tian':1A,2B 'zjl':2B");
  });

  it('escapes quotes and backslashes', () => {
    expect(tsvectorLiteral(["it's", 'a\\b'], [])).toBe("'it''s':1A 'a\\\\b':1A");
  });
});

describe('parseQuery', () => {
  it('makes the last word a prefix', () => {
    expect(parseQuery('qing tian', 'search')?.tsquery).toBe("'qing' & 'tian':*");
    expect(parseQuery('zjl', 'search')?.tsquery).toBe("'zjl':*");
  });

  it('a lone letter is a prefix only for suggestions', () => {
    expect(parseQuery('q', 'search')?.tsquery).toBe("'q'");
    expect(parseQuery('q', 'suggest')?.tsquery).toBe("'q':*");
  });

  it('turns Chinese into the bigrams of its words, so no bigram straddles artist and title', () => {
    expect(parseQuery('周杰伦晴天', 'search')?.tsquery).toBe("'周杰' & '杰伦' & '晴天'");
    expect(parseQuery('晴', 'search')?.tsquery).toBe("'晴'");
  });

  it('restricts the title query to weight A', () => {
    expect(parseQuery('fur elise', 'search')?.titleTsquery).toBe("'fur':A & 'elise':*A");
  });

  it('compares the folded and compact forms with the name keys', () => {
    expect(parseQuery(' Qing  Tian ', 'search')).toMatchObject({ folded: 'qing tian', compact: 'qingtian' });
  });

  it('asks for near spellings only for Latin queries of 4 letters or more, and never for suggestions', () => {
    expect(parseQuery('beethovn', 'search')?.fuzzy).toBe(true);
    expect(parseQuery('beethovn', 'suggest')?.fuzzy).toBe(false);
    expect(parseQuery('abc', 'search')?.fuzzy).toBe(false);
    expect(parseQuery('晴天娃娃', 'search')?.fuzzy).toBe(false);
  });

  it('has nothing to search in punctuation', () => {
    expect(parseQuery('!!! ???', 'search')).toBeNull();
  });
});

describe('on any input', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(..."晴天周杰伦七里香 abcé'’ü绿ー한カ".split('')), maxLength: 120 }),
  );

  it('lexemesOf never throws and stays bounded', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lexemes = lexemesOf(text, { personName: text.length % 2 === 0 });
        expect(lexemes.length).toBeLessThanOrEqual(512);
        expect(new Set(lexemes).size).toBe(lexemes.length);
        for (const lexeme of lexemes) expect(lexeme.length).toBeGreaterThan(0);
        for (const lexeme of lexemes) expect(lexeme.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 300 },
    );
  });

  it('parseQuery never throws, has bounded terms, and finds its own lexemes', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const query = parseQuery(text, 'search');
        if (!query) return;
        expect(query.tsquery.split(' & ').length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
        expect(query.folded.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 300 },
    );
  });
});
