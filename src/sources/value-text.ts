import { FORCED_VALUE_MAX } from '../core/model.js';

/**
 * A source value as the short text a reviewer reads: strings quoted, everything else as compact
 * JSON, and anything longer than FORCED_VALUE_MAX cut in the middle (the ends of ARNs and ids
 * are what tell them apart). Absent is `null`, as Terraform shows it.
 */
export function valueText(value: unknown): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return shortened(text ?? 'null');
}

export function shortened(text: string): string {
  if (text.length <= FORCED_VALUE_MAX) return text;
  const chars = Array.from(text); // code points: a cut never splits a surrogate pair
  if (chars.length <= FORCED_VALUE_MAX) return text;
  const tail = Math.floor((FORCED_VALUE_MAX - 1) * 0.4);
  const head = FORCED_VALUE_MAX - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
