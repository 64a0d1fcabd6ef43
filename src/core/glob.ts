/**
 * Globs for names (addresses, types, workspaces, stacks, tag values): `*` matches any run of
 * characters, `?` exactly one; everything else is literal — so `aws_instance.web["a"]` and
 * `module.db[0].*` mean what they say (file-path globs use picomatch instead).
 */
const cache = new Map<string, RegExp>();

export function nameGlob(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 'i');
    cache.set(pattern, re);
  }
  return re;
}

export function matchesAnyName(value: string | undefined, patterns: readonly string[] | undefined): string | undefined {
  if (value === undefined || !patterns) return undefined;
  return patterns.find((p) => nameGlob(p).test(value));
}
