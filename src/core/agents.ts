/**
 * Is a GitHub account (or a commit) an AI coding agent? Copilot's coding agent authors as login
 * `Copilot`, type Bot, with no `[bot]` suffix; most agents are GitHub Apps (`…[bot]`).
 */
export const KNOWN_AGENT_LOGINS = [
  'copilot',
  'copilot-swe-agent',
  'copilot-swe-agent[bot]',
  'claude',
  'claude[bot]',
  'devin-ai-integration[bot]',
  'chatgpt-codex-connector[bot]',
  'codex',
  'openai-codex[bot]',
  'kiro',
  'kiro[bot]',
  'kiro-agent[bot]',
  'cursor[bot]',
  'cursoragent',
  'jules[bot]',
  'google-labs-jules[bot]',
  'amazon-q-developer[bot]',
  'sweep-ai[bot]',
  'openhands-agent',
] as const;

/**
 * How agents sign the commits they co-author (`Co-authored-by: Name <email>`): the names they
 * use, and their no-reply addresses. Matched whole (a human called Claudia, or a colleague at
 * an AI company with a personal address, is not an agent).
 */
const AGENT_COAUTHOR_NAMES = [
  'claude', 'claude code', 'copilot', 'github copilot', 'codex', 'openai codex', 'devin', 'devin ai', 'kiro', 'cursor',
  'cursor agent', 'jules', 'google jules', 'gemini', 'gemini code assist', 'amazon q', 'amazon q developer', 'aider', 'openhands',
];
const AGENT_COAUTHOR_EMAILS = ['noreply@anthropic.com', 'cursoragent@cursor.com', 'noreply@aider.chat', 'openhands@all-hands.dev'];

export interface Account {
  readonly login: string;
  readonly type?: string;
}

export interface Commit {
  readonly message: string;
  /** The GitHub account the commit's author maps to, when GitHub knows it. */
  readonly author?: Account;
}

export function isBotAccount(account: Account): boolean {
  return account.type === 'Bot' || account.login.toLowerCase().endsWith('[bot]');
}

export function isAgentLogin(login: string, extraAgentLogins: readonly string[] = []): boolean {
  const l = login.toLowerCase();
  return (KNOWN_AGENT_LOGINS as readonly string[]).includes(l) || extraAgentLogins.some((a) => a.toLowerCase() === l);
}

/** Is `Name <email>` from a Co-authored-by trailer an agent (or any `[bot]` account)? */
export function isAgentCoauthor(trailer: string, extraAgentLogins: readonly string[] = []): boolean {
  const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(trailer.trim());
  const name = (m ? m[1]! : trailer).trim().toLowerCase().replace(/\s*\(.*\)$/, ''); // "aider (gpt-4o)" → "aider"
  const email = (m ? m[2]! : '').trim().toLowerCase();
  if (/\[bot\]/.test(name) || /\[bot\]/.test(email)) return true;
  if (AGENT_COAUTHOR_NAMES.includes(name) || isAgentLogin(name, extraAgentLogins)) return true;
  if (AGENT_COAUTHOR_EMAILS.includes(email)) return true;
  // GitHub's no-reply address: <id>+<login>@users.noreply.github.com (Copilot signs with its login).
  const noreply = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email);
  return noreply !== null && isAgentLogin(noreply[1]!, extraAgentLogins);
}

export interface AgentEvidence {
  readonly agent: boolean;
  /** Why we think so, for the PR comment. */
  readonly reasons: readonly string[];
}

/**
 * Whether an agent wrote the pull request: its author, the GitHub authors of its commits, and
 * their Co-authored-by trailers.
 */
export function agentAuthorship(author: Account, commits: readonly Commit[], extraAgentLogins: readonly string[] = []): AgentEvidence {
  const reasons: string[] = [];
  if (isAgentLogin(author.login, extraAgentLogins)) reasons.push(`authored by the agent account ${author.login}`);
  else if (isBotAccount(author)) reasons.push(`authored by the bot account ${author.login}`);
  for (const commit of commits) {
    if (commit.author && isAgentLogin(commit.author.login, extraAgentLogins) && commit.author.login.toLowerCase() !== author.login.toLowerCase()) {
      reasons.push(`a commit is authored by the agent account ${commit.author.login}`);
    }
    for (const m of commit.message.matchAll(/^co-authored-by:\s*(.+)$/gim)) {
      const who = m[1]!.trim();
      if (isAgentCoauthor(who, extraAgentLogins)) reasons.push(`a commit is co-authored by ${who}`);
    }
  }
  return { agent: reasons.length > 0, reasons: [...new Set(reasons)] };
}
