import { readTextSync } from '../adapters/fs/project-files.js';
import { join } from 'node:path';
import * as z from 'zod';
import { InputError, UsageError } from '../core/errors.js';
import { firstIssueText } from '../sources/issue-text.js';

/**
 * An AWS CDK cloud assembly (cdk.out): the stacks' templates and the assets they need. Steer
 * creates change sets from the templates; it does not publish assets, so a stack whose assets
 * (files, Docker images) are not published is refused by name — never silently skipped. For those,
 * `cdk deploy --method=prepare-change-set` publishes and creates the change set, and
 * `steer plan-check --stack … --change-set …` analyzes it.
 */
const manifestSchema = z.looseObject({
  artifacts: z.record(
    z.string(),
    z.looseObject({
      type: z.string(),
      displayName: z.string().optional(),
      dependencies: z.array(z.string()).optional(),
      metadata: z.record(z.string(), z.array(z.looseObject({ type: z.string(), data: z.unknown().optional() }))).optional(),
      additionalMetadataFile: z.string().optional(),
      properties: z.looseObject({ templateFile: z.string().optional(), stackName: z.string().optional(), file: z.string().optional() }).optional(),
    }),
  ),
});
const assetManifestSchema = z.looseObject({
  files: z.record(z.string(), z.looseObject({ displayName: z.string().optional(), source: z.looseObject({ path: z.string().optional() }) })).optional(),
  dockerImages: z.record(z.string(), z.looseObject({ displayName: z.string().optional() })).optional(),
});

const metadataSchema = z.record(z.string(), z.array(z.looseObject({ type: z.string(), data: z.unknown().optional() })));

export interface CdkStack {
  readonly artifactId: string;
  readonly stackName: string;
  readonly templatePath: string;
  /** Assets the template needs that Steer does not publish. */
  readonly unpublishedAssets: readonly string[];
}

export function cdkStacks(outDir: string, only?: string): CdkStack[] {
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = parse(manifestPath, manifestSchema);
  const stacks: CdkStack[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const stackName = artifact.properties.stackName ?? id;
    if (only && ![id, stackName, artifact.displayName].includes(only)) continue;
    const templateFile = artifact.properties.templateFile;
    const unpublished: string[] = [];
    for (const dep of artifact.dependencies ?? []) {
      const depArtifact = manifest.artifacts[dep];
      if (depArtifact?.type !== 'cdk:asset-manifest' || !depArtifact.properties?.file) continue;
      const assets = parse(join(outDir, depArtifact.properties.file), assetManifestSchema);
      for (const [hash, file] of Object.entries(assets.files ?? {})) {
        if (file.source.path === templateFile) continue; // the template itself: Steer passes it directly
        unpublished.push(`file asset ${file.displayName ?? hash}`);
      }
      for (const [hash, image] of Object.entries(assets.dockerImages ?? {})) unpublished.push(`Docker image asset ${image.displayName ?? hash}`);
    }
    // The legacy synthesizer records assets as stack metadata (with template parameters for their location).
    const metadata = { ...(artifact.metadata ?? {}), ...(artifact.additionalMetadataFile ? parse(join(outDir, artifact.additionalMetadataFile), metadataSchema) : {}) };
    for (const [path, entries] of Object.entries(metadata)) {
      for (const entry of entries) {
        const data = (entry.data ?? {}) as { path?: string; id?: string };
        if (entry.type === 'aws:cdk:asset') unpublished.push(`asset ${data.path ?? data.id ?? path}`);
      }
    }
    stacks.push({ artifactId: id, stackName, templatePath: join(outDir, templateFile), unpublishedAssets: unpublished });
  }
  if (stacks.length === 0) throw new UsageError(only ? `no stack "${only}" in ${manifestPath}` : `no CloudFormation stack in ${manifestPath}`);
  return stacks;
}

function parse<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readTextSync(file));
  } catch (e) {
    throw new InputError(file, `not a CDK cloud assembly file (${e instanceof SyntaxError ? 'not valid JSON' : e instanceof Error ? e.message : String(e)})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new InputError(file, `not a CDK cloud assembly file: ${firstIssueText(result.error)}`);
  return result.data;
}
