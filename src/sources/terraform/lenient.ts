// Lenient reads of the parts of a plan the dependency graph uses: a shape that isn't as
// documented reads as absent, never as an error.

/**
 * `module.a["x.y"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`: the address without instance
 * keys (brackets, with quoted keys that may hold dots or brackets), and without a trailing attribute.
 */
export function resourceKey(address: string): string {
  let out = '';
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch !== '[') {
      out += ch;
      continue;
    }
    let inString = false;
    for (i++; i < address.length; i++) {
      const c = address[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === ']') break;
    }
  }
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return isObject(v) ? v : undefined;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isObject(value)) return [];
  const v = value[key];
  return Array.isArray(v) ? v : [];
}
