import { describe, expect, it } from 'vitest';
import { parseRefusingRepeats, RepeatedKeyError } from '../../src/sources/json/parse-unique.js';
import { ScanArena } from '../../src/sources/json/scan-arena.js';

const parse = (text: string, whole: ReadonlySet<string> = new Set()): unknown => {
  const bytes = ScanArena.holding(Buffer.from(text));
  return parseRefusingRepeats(bytes, 0, bytes.length, whole);
};
const repeated = (text: string): RepeatedKeyError => {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof RepeatedKeyError) return e;
    throw e;
  }
  throw new Error('no repeat found');
};

describe('a value built refusing repeated keys', () => {
  it('is what JSON.parse builds when no key repeats, strings with colons, quotes and backslashes included', () => {
    for (const text of ['{"a":1,"b":{"c":[1,{"d":"x:y"}]}}', '{"k\\":":"v:\\\\","e":"","\\\\":{"::":[":"]}}', '[{"a":{}},[],"\\"","\\\\\\""]', '{"__proto__":{"polluted":true}}']) {
      expect(parse(text), text).toEqual(JSON.parse(text));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a repeat, saying where it is, however the strings around it are escaped', () => {
    expect(repeated('{"x":"\\":","a":1,"a":2}').key).toBe('a');
    expect(repeated('{"s":{"t":[0,{"k":"\\\\","k":1}]}}').path).toEqual(['s', 't', 1]);
    expect(repeated('{"a":1,"\\u0061":2}').key).toBe('a');
  });

  it('takes a repeat inside a value kept raw as JSON.parse does', () => {
    expect(parse('{"raw":{"a":1,"a":2},"b":0}', new Set(['raw']))).toEqual({ raw: { a: 2 }, b: 0 });
  });
});
