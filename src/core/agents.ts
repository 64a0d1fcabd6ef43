/**
 * Is a GitHub account (or a commit) an AI coding agent? Copilot's coding agent authors as login
 * `Copilot`, type Bot, with no `[bot]` suffix; most agents are GitHub Apps (`…[bot]`).
 */
export const KNOWN_AGENT_LOGINS = [
  'copilot',
  'copilot-swe-agent',
  'claude',
  'claude[bot]',
  'devin-ai-integration[bot]',
  'chatgpt-codex-connector[bot]',
  'codex',
  'openai-codex[bot]',
  'kiro',
  'kiro[bot]',
  'cursor[bot]',
  'cursoragent',
  'jules[bot]',
  'google-labs-jules[bot]',
  'amazon-q-developer[bot]',
  'sweep-ai[bot]',
] as const;

/** Names in Co-authored-by trailers that mean an agent wrote (part of) the commit. */
const AGENT_COAUTHOR = /\b(claude|copilot|codex|devin|kiro|cursor|jules|amazon q|gemini|aider|openhands)\b/i;

export interface Account {
  readonly login: string;
  readonly type?: string;
}

export function isBotAccount(account: Account): boolean {
  return account.type === 'Bot' || account.login.toLowerCase().endsWith('[bot]');
}

export function isAgentLogin(login: string, extraAgentLogins: readonly string[] = []): boolean {
  const l = login.toLowerCase();
  return (KNOWN_AGENT_LOGINS as readonly string[]).includes(l) || extraAgentLogins.some((a) => a.toLowerCase() === l);
}

export interface AgentEvidence {
  readonly agent: boolean;
  /** Why we think so, for the PR comment. */
  readonly reasons: readonly string[];
}

/** The PR author, and the Co-authored-by trailers of its commits, tell whether an agent wrote it. */
export function agentAuthorship(author: Account, commitMessages: readonly string[], extraAgentLogins: readonly string[] = []): AgentEvidence {
  const reasons: string[] = [];
  if (isAgentLogin(author.login, extraAgentLogins)) reasons.push(`authored by the agent account ${author.login}`);
  else if (isBotAccount(author)) reasons.push(`authored by the bot account ${author.login}`);
  for (const message of commitMessages) {
    for (const m of message.matchAll(/^co-authored-by:\s*(.+)$/gim)) {
      const who = m[1]!.trim();
      if (AGENT_COAUTHOR.test(who) || /\[bot\]/i.test(who)) reasons.push(`a commit is co-authored by ${who}`);
    }
  }
  return { agent: reasons.length > 0, reasons: [...new Set(reasons)] };
}
