import { Command } from 'commander';
import { applyCommand } from './apply.js';
import { auditCommand } from './audit.js';
import { changesetCommand } from './changeset.js';
import { executeCommand } from './execute.js';
import { guardCommand } from './guard.js';
import { initCommand } from './init.js';
import { intentCommand } from './intent.js';
import { planCheckCommand } from './plan-check.js';
import { STEER_VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('steer')
    .description('Change-plan gate for infrastructure as code: deletions and replacements on production wait for a human.')
    .version(STEER_VERSION)
    .exitOverride()
    .showHelpAfterError('(run "steer --help" for usage)');
  program.addCommand(planCheckCommand());
  program.addCommand(changesetCommand());
  program.addCommand(applyCommand());
  program.addCommand(executeCommand());
  program.addCommand(guardCommand());
  program.addCommand(initCommand());
  program.addCommand(intentCommand());
  program.addCommand(auditCommand());
  return program;
}
