import { auditSigningKey, readAuditLog } from '../adapters/fs/audit-log.js';
import { verifyAuditLog } from '../core/audit-chain.js';
import { InputError } from '../core/errors.js';

/** `steer audit verify`: the chain of the whole log, and every signature when STEER_SIGNING_KEY is set. Throws on the first bad entry. */
export function verifyAudit(file: string): string {
  const key = auditSigningKey();
  const verdict = verifyAuditLog(readAuditLog(file), key);
  if (!verdict.ok) throw new InputError(file, `entry ${verdict.entry} is bad: ${verdict.problem}`);
  const signed = verdict.signed ? 'every entry signed with STEER_SIGNING_KEY' : 'signatures not checked (STEER_SIGNING_KEY is not set)';
  return `${file}: valid, ${verdict.entries} entr${verdict.entries === 1 ? 'y' : 'ies'} chained; ${signed}`;
}
