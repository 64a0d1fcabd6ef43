import { ENGLISH, type TaskMagnitude, type Vocabulary } from './vocabulary.js';

/** A vocabulary word found in the task, as it was written. */
export interface TaskWord {
  /** The words in the task, e.g. `recreates` or `tear down`. */
  readonly text: string;
  /** The vocabulary entry it matched, e.g. `recreate`; `chore:` for a conventional-commit type. */
  readonly entry: string;
  readonly magnitude: TaskMagnitude;
  /** Preceded by a negation ("do not recreate"): it doesn't count. */
  readonly negated: boolean;
}

/** A destructive word and the words of its clause that may name what it destroys. */
export interface DestructiveMention {
  readonly word: string;
  /** Content words of the clause (lower-cased), with the tokens their nouns stand for. */
  readonly names: readonly string[];
}

export interface TaskClassification {
  /** The largest magnitude among the words that count; `unclassified` when none does. */
  readonly magnitude: TaskMagnitude | 'unclassified';
  readonly words: readonly TaskWord[];
  readonly destructive: readonly DestructiveMention[];
}

const RANK: Record<TaskMagnitude, number> = { minor: 1, moderate: 2, major: 3 };
const CLAUSE_BREAK = /[,;.!?\n()[\]{}"`|]+|:\s|\s(?:and|but|then|so|while)\s/;
const COMMIT_TYPE = /^\s*([a-z]+)(?:\([^)\n]*\))?(!)?:\s/gm;

/** Classifies a task's words with a vocabulary (English by default). Pure and deterministic. */
export function classifyTask(text: string, vocabulary: Vocabulary = ENGLISH): TaskClassification {
  const words: TaskWord[] = [];
  const destructive: DestructiveMention[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(COMMIT_TYPE)) {
    const magnitude = vocabulary.commitTypes[m[1]!];
    if (magnitude !== undefined) words.push({ text: `${m[1]}:`, entry: `${m[1]}:`, magnitude, negated: false });
  }
  const phrases = phraseTable(vocabulary);
  const stop = new Set(vocabulary.stopWords);
  for (const clause of lower.replace(COMMIT_TYPE, ' ').split(CLAUSE_BREAK)) {
    const tokens = clause.split(/[^a-z0-9'_-]+/).filter(Boolean);
    const used = new Set<number>();
    const majors: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const hit = matchAt(tokens, i, phrases);
      if (hit === undefined) continue;
      const negated = tokens.slice(Math.max(0, i - 2), i).some((t) => vocabulary.negations.includes(t));
      words.push({ text: tokens.slice(i, i + hit.length).join(' '), entry: hit.entry, magnitude: hit.magnitude, negated });
      for (let k = i; k < i + hit.length; k++) used.add(k);
      if (hit.magnitude === 'major' && !negated) majors.push(hit.entry);
      i += hit.length - 1;
    }
    if (majors.length === 0) continue;
    const names = new Set<string>();
    tokens.forEach((t, k) => {
      if (used.has(k) || stop.has(t) || vocabulary.negations.includes(t) || /^\d+$/.test(t) || t.length < 2) return;
      for (const name of t.split(/[_-]/).filter((s) => s.length >= 2)) {
        names.add(singular(name));
        for (const n of vocabulary.nouns[name] ?? []) names.add(n);
      }
    });
    for (const word of majors) destructive.push({ word, names: [...names] });
  }
  let best: TaskMagnitude | 'unclassified' = 'unclassified';
  for (const w of words) if (!w.negated && (best === 'unclassified' || RANK[w.magnitude] > RANK[best])) best = w.magnitude;
  return { magnitude: best, words, destructive };
}

interface PhraseEntry {
  readonly words: readonly string[];
  readonly entry: string;
  readonly magnitude: TaskMagnitude;
}

const tables = new WeakMap<Vocabulary, PhraseEntry[]>();

/** Longest phrases first, so "fix drift" wins over "drift". */
function phraseTable(vocabulary: Vocabulary): PhraseEntry[] {
  let table = tables.get(vocabulary);
  if (table === undefined) {
    table = (Object.keys(vocabulary.words) as TaskMagnitude[])
      .flatMap((magnitude) => vocabulary.words[magnitude].map((entry) => ({ words: entry.split(' '), entry, magnitude })))
      .sort((a, b) => b.words.length - a.words.length);
    tables.set(vocabulary, table);
  }
  return table;
}

function matchAt(tokens: readonly string[], i: number, table: readonly PhraseEntry[]): { entry: string; magnitude: TaskMagnitude; length: number } | undefined {
  for (const p of table) {
    if (i + p.words.length > tokens.length) continue;
    if (p.words.every((w, k) => (k === p.words.length - 1 ? inflects(tokens[i + k]!, w) : tokens[i + k] === w))) {
      return { entry: p.entry, magnitude: p.magnitude, length: p.words.length };
    }
  }
  return undefined;
}

const SUFFIXES = ['', 's', 'es', 'd', 'ed', 'ing', 'ion', 'ions', 'al', 'ment'];

/** `token` is `word` or a simple inflection of it: recreate → recreated, tag → tagged, delete → deletion. */
export function inflects(token: string, word: string): boolean {
  if (token === word) return true;
  if (!token.startsWith(word.slice(0, -1))) return false;
  const stems = [word];
  if (word.endsWith('e')) stems.push(word.slice(0, -1));
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) stems.push(word + word.at(-1));
  if (word.endsWith('y')) stems.push(`${word.slice(0, -1)}i`);
  return stems.some((stem) => SUFFIXES.some((s) => token === stem + s));
}

/** `buckets` → `bucket`; leaves short words and `-ss` words alone. */
export function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
