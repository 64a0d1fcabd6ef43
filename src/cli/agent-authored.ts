import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';

/**
 * `--agent-authored`: the change was made by an AI agent (steer.yml rules with `agent: true`
 * apply). It was `--agent`, which `steer init` uses for agent runtimes: one meaning per flag name,
 * so the old spelling is refused with the new one (hidden from help) rather than read silently.
 */
export function withAgentAuthored(command: Command): Command {
  return command
    .option('--agent-authored', 'the change was authored by an AI agent (rules with agent: true apply)')
    .addOption(new Option('--agent').hideHelp());
}

export function agentAuthored(opts: { agentAuthored?: boolean; agent?: boolean }): boolean {
  if (opts.agent) throw new UsageError('--agent is now --agent-authored (the change was authored by an AI agent); in "steer init", --agent names the agent runtimes to guard');
  return opts.agentAuthored === true;
}
