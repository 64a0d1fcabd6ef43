import { classifyTask, type TaskClassification } from './classify.js';
import { judgedText, type Intent, type IntentSource } from './intent.js';
import { declaredScope, type DeclaredScope } from './scope.js';
import { ENGLISH, type Vocabulary } from './vocabulary.js';

/** The task as the report carries it: where it came from, its (shortened, masked) words, how it was read. */
export interface JudgedIntent extends TaskClassification {
  readonly source: IntentSource;
  readonly detail?: string;
  /** The task's text as judged: secret-looking strings masked, shortened. */
  readonly text: string;
  readonly scope?: DeclaredScope;
}

/** Reads a task once per report: its declared scope, then its words. Pure. */
export function judgeIntent(intent: Intent, vocabulary: Vocabulary = ENGLISH): JudgedIntent {
  const { scope, rest } = declaredScope(intent.text);
  return {
    source: intent.source,
    ...(intent.detail !== undefined ? { detail: intent.detail } : {}),
    text: judgedText(rest),
    ...(scope !== undefined ? { scope } : {}),
    ...classifyTask(rest, vocabulary),
  };
}
