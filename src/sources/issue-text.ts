/** The first problem zod found, as `field.path[3].name: message` — short enough for one line. */
export function firstIssueText(error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${String(step)}`))
    .join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return `${path === '' ? '' : `${path}: `}${issue.message}${more}`;
}
