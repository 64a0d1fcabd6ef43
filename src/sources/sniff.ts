/**
 * Whether the first bytes of a file found in a directory look like an input Steer reads: a JSON
 * object that opens with (or soon shows) a key of a Terraform/OpenTofu plan or of a
 * DescribeChangeSet output. Other .json files beside the plans (package.json, tsconfig.json,
 * terraform.tfvars.json…) are skipped, and said so. A file given by name is never sniffed: it
 * is read, and refused when it is not an input.
 */
const INPUT_KEYS = ['"format_version"', '"plan_format_version"', '"resource_changes"', '"Changes"', '"ChangeSetId"', '"ChangeSetName"'];

/** How many bytes `looksLikeInput` wants (Terraform writes format_version first; the AWS CLI writes Changes first). */
export const SNIFF_BYTES = 64 * 1024;

export function looksLikeInput(head: Uint8Array): boolean {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return true; // a saved plan
  const text = headText(head);
  if (!/^\s*\{/.test(text)) return false;
  return INPUT_KEYS.some((key) => text.includes(key));
}

function headText(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('utf-8').decode(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head);
}
