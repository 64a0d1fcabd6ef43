import { Command } from 'commander';

export function auditCommand(): Command {
  const audit = new Command('audit').description('The audit log that steer apply and steer execute write').exitOverride();
  audit.addCommand(
    new Command('verify')
      .description('Check the audit log: every entry chained to the one before by SHA-256 and, when STEER_SIGNING_KEY is set, signed with it. Exit 0 valid, 1 broken (the first bad entry is named).')
      .argument('[file]', 'the audit log', '.steer/audit.jsonl')
      .exitOverride()
      .action(async (file: string) => {
        const { verifyAudit } = await import('../app/audit-verify.js');
        process.stdout.write(`${verifyAudit(file)}\n`);
      }),
  );
  return audit;
}
