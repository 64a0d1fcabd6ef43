/**
 * The files a patch writes: the headers of Codex's apply_patch format (`*** Add File: p`,
 * `*** Update File: p`, `*** Delete File: p`, `*** Move to: p`; also used by OpenClaw) and of a
 * unified diff (`--- a/p`, `+++ b/p`). The hunks are not read: which file, not what changes.
 */
export function patchFiles(text: string): string[] {
  const files = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const envelope = /^\*\*\* (?:Add File|Update File|Delete File|Move to):\s*(.+?)\s*$/.exec(line);
    if (envelope) files.add(envelope[1]!);
    const diff = /^(?:\+\+\+|---) (?:[ab]\/)?(.+?)(?:\t.*)?$/.exec(line);
    if (diff && diff[1] !== '/dev/null') files.add(diff[1]!);
  }
  return [...files];
}
