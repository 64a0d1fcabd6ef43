import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  external_exports,
  firstIssueText
} from "./chunk-VWJEZFZ2.js";
import {
  InputError,
  UsageError
} from "./chunk-QPO7ZZEI.js";
import "./chunk-QEVJJKSU.js";

// src/app/cdk.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var manifestSchema = external_exports.looseObject({
  artifacts: external_exports.record(
    external_exports.string(),
    external_exports.looseObject({
      type: external_exports.string(),
      displayName: external_exports.string().optional(),
      dependencies: external_exports.array(external_exports.string()).optional(),
      metadata: external_exports.record(external_exports.string(), external_exports.array(external_exports.looseObject({ type: external_exports.string(), data: external_exports.unknown().optional() }))).optional(),
      additionalMetadataFile: external_exports.string().optional(),
      properties: external_exports.looseObject({ templateFile: external_exports.string().optional(), stackName: external_exports.string().optional(), file: external_exports.string().optional() }).optional()
    })
  )
});
var assetManifestSchema = external_exports.looseObject({
  files: external_exports.record(external_exports.string(), external_exports.looseObject({ displayName: external_exports.string().optional(), source: external_exports.looseObject({ path: external_exports.string().optional() }) })).optional(),
  dockerImages: external_exports.record(external_exports.string(), external_exports.looseObject({ displayName: external_exports.string().optional() })).optional()
});
var metadataSchema = external_exports.record(external_exports.string(), external_exports.array(external_exports.looseObject({ type: external_exports.string(), data: external_exports.unknown().optional() })));
function cdkStacks(outDir, only) {
  const manifestPath = join(outDir, "manifest.json");
  const manifest = parse(manifestPath, manifestSchema);
  const stacks = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts)) {
    if (artifact.type !== "aws:cloudformation:stack" || !artifact.properties?.templateFile) continue;
    const stackName = artifact.properties.stackName ?? id;
    if (only && ![id, stackName, artifact.displayName].includes(only)) continue;
    const templateFile = artifact.properties.templateFile;
    const unpublished = [];
    for (const dep of artifact.dependencies ?? []) {
      const depArtifact = manifest.artifacts[dep];
      if (depArtifact?.type !== "cdk:asset-manifest" || !depArtifact.properties?.file) continue;
      const assets = parse(join(outDir, depArtifact.properties.file), assetManifestSchema);
      for (const [hash, file] of Object.entries(assets.files ?? {})) {
        if (file.source.path === templateFile) continue;
        unpublished.push(`file asset ${file.displayName ?? hash}`);
      }
      for (const [hash, image] of Object.entries(assets.dockerImages ?? {})) unpublished.push(`Docker image asset ${image.displayName ?? hash}`);
    }
    const metadata = { ...artifact.metadata ?? {}, ...artifact.additionalMetadataFile ? parse(join(outDir, artifact.additionalMetadataFile), metadataSchema) : {} };
    for (const [path, entries] of Object.entries(metadata)) {
      for (const entry of entries) {
        const data = entry.data ?? {};
        if (entry.type === "aws:cdk:asset") unpublished.push(`asset ${data.path ?? data.id ?? path}`);
      }
    }
    stacks.push({ artifactId: id, stackName, templatePath: join(outDir, templateFile), unpublishedAssets: unpublished });
  }
  if (stacks.length === 0) throw new UsageError(only ? `no stack "${only}" in ${manifestPath}` : `no CloudFormation stack in ${manifestPath}`);
  return stacks;
}
function parse(file, schema) {
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, `not a CDK cloud assembly file (${e instanceof Error ? e.message : String(e)})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new InputError(file, `not a CDK cloud assembly file: ${firstIssueText(result.error)}`);
  return result.data;
}
export {
  cdkStacks
};
