// Writes a realistic, large Terraform JSON plan (terraform show -json shape, keys sorted as
// Terraform writes them) without ever holding it in one string: usable up to gigabytes.
// Usage: node bench/generate-plan.mjs OUT.json RESOURCE_COUNT
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const [out, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 20000);
const ACTIONS = [['no-op'], ['no-op'], ['update'], ['create'], ['no-op'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['read'], ['forget'], ['no-op'], ['update']];
const TYPES = ['aws_instance', 'aws_security_group', 'aws_iam_role', 'aws_db_instance', 'aws_s3_bucket', 'aws_lambda_function', 'aws_route53_record', 'aws_ebs_volume'];

/** JSON with keys sorted, as Terraform writes it. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  return value;
}

function attributes(i, type, variant) {
  return {
    arn: `arn:aws:${type.split('_')[1]}:eu-west-1:123456789012:${type}/res-${i}`,
    id: `res-${i.toString(36)}-${variant}`,
    instance_type: variant ? 't3.large' : 't3.micro',
    ami: 'ami-0c55b159cbfafe1f0',
    subnet_id: `subnet-${(i % 97).toString(16).padStart(8, '0')}`,
    vpc_security_group_ids: [`sg-${(i % 13).toString(16).padStart(8, '0')}`, 'sg-0a1b2c3d'],
    password: `not-a-real-secret-${i}`,
    tags: { Name: `svc-${i}`, Environment: i % 4 === 0 ? 'production' : 'staging', Team: `team-${i % 17}`, CostCenter: `cc-${i % 9}` },
    tags_all: { Name: `svc-${i}`, Environment: i % 4 === 0 ? 'production' : 'staging', Team: `team-${i % 17}`, CostCenter: `cc-${i % 9}`, ManagedBy: 'terraform' },
    root_block_device: [{ delete_on_termination: true, encrypted: true, iops: 3000, kms_key_id: '', throughput: 125, volume_size: 50 + (i % 200), volume_type: 'gp3' }],
    user_data: Buffer.from(`#!/bin/bash\necho service ${i}\n`.repeat(6)).toString('base64'),
    metadata_options: [{ http_endpoint: 'enabled', http_put_response_hop_limit: 2, http_tokens: 'required' }],
    timeouts: null,
  };
}

function resourceChange(i) {
  const actions = ACTIONS[i % ACTIONS.length];
  const type = TYPES[i % TYPES.length];
  const module = `module.svc_${i % 40}`;
  const address = `${module}.${type}.this[${i}]`;
  const before = actions[0] === 'create' && actions.length === 1 ? null : attributes(i, type, 0);
  const after = actions[0] === 'delete' && actions.length === 1 ? null : actions[0] === 'no-op' || actions[0] === 'read' || actions[0] === 'forget' ? before ?? attributes(i, type, 0) : attributes(i, type, 1);
  const sensitive = SENSITIVE_VALUES;
  return sorted({
    address,
    module_address: module,
    mode: actions[0] === 'read' ? 'data' : 'managed',
    type,
    name: 'this',
    index: i,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before,
      after,
      after_unknown: actions.includes('create') ? { arn: true, id: true } : {},
      before_sensitive: before ? sensitive : false,
      after_sensitive: after ? sensitive : false,
      ...(actions.length === 2 ? { replace_paths: [['ami']] } : {}),
    },
    ...(actions.length === 2 ? { action_reason: 'replace_because_cannot_update' } : actions[0] === 'delete' ? { action_reason: 'delete_because_no_resource_config' } : {}),
  });
}

const SENSITIVE_VALUES = { password: true, root_block_device: [{}], tags: {}, tags_all: {}, vpc_security_group_ids: [false, false], metadata_options: [{}] };
const MODULES = 40;

/** A resource object as planned_values and prior_state list it. */
function stateResource(i, values) {
  const type = TYPES[i % TYPES.length];
  return sorted({
    address: `module.svc_${i % MODULES}.${type}.this[${i}]`,
    mode: 'managed',
    type,
    name: 'this',
    index: i,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 1,
    values,
    sensitive_values: SENSITIVE_VALUES,
  });
}

/**
 * A module tree of resources, as planned_values (after) and prior_state (before) write it:
 * `pick(i)` gives a resource's values or null when the resource is absent on that side.
 */
async function writeModules(pick) {
  await write('{"root_module":{"child_modules":[');
  for (let m = 0; m < MODULES; m++) {
    await write(`${m ? ',' : ''}{"address":"module.svc_${m}","resources":[`);
    let first = true;
    for (let i = m; i < count; i += MODULES) {
      const values = pick(i);
      if (values === null) continue;
      await write(`${first ? '' : ','}${JSON.stringify(stateResource(i, values))}`);
      first = false;
    }
    await write(']}');
  }
  await write(']}}');
}

/** The configuration Terraform records: one block per resource type in each module call. */
function configuration() {
  const moduleCalls = {};
  for (let m = 0; m < MODULES; m++) {
    moduleCalls[`svc_${m}`] = {
      source: './modules/svc',
      expressions: { environment: { references: ['var.environment'] }, name: { constant_value: `svc-${m}` } },
      count_expression: { constant_value: 1 },
      module: {
        resources: TYPES.map((type) => ({
          address: `${type}.this`,
          mode: 'managed',
          type,
          name: 'this',
          provider_config_key: 'aws',
          expressions: {
            ami: { constant_value: 'ami-0c55b159cbfafe1f0' },
            instance_type: { references: ['var.instance_type'] },
            password: { references: ['var.db_password'] },
            tags: { references: ['var.environment', 'var.name', 'local.common_tags'] },
          },
          schema_version: 1,
          count_expression: { references: ['var.instances'] },
        })),
        variables: { environment: {}, instance_type: { default: 't3.micro' }, instances: {}, name: {}, db_password: { sensitive: true } },
      },
    };
  }
  return sorted({
    provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
    root_module: { module_calls: moduleCalls, variables: { db_password: { sensitive: true }, environment: {} } },
  });
}

const stream = createWriteStream(out);
const write = async (text) => {
  if (!stream.write(text)) await once(stream, 'drain');
};
const changes = (i) => resourceChange(i).change;
await write('{"format_version":"1.2","terraform_version":"1.11.4","variables":{"db_password":{"value":"not-a-real-secret"},"environment":{"value":"production"}},');
// As in real plans, planned_values (after) and prior_state (before) repeat most values of
// resource_changes: resource_changes is ≈ 45% of the file (21–45% in the corpus's real plans).
await write('"planned_values":');
await writeModules((i) => changes(i).after);
await write(',"resource_changes":[');
for (let i = 0; i < count; i++) await write(`${i ? ',' : ''}${JSON.stringify(resourceChange(i))}`);
await write('],"output_changes":{"endpoint":{"actions":["update"],"after_sensitive":false,"after_unknown":true,"before":"a","before_sensitive":false}},');
await write('"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":');
await writeModules((i) => changes(i).before);
await write('},"configuration":');
await write(JSON.stringify(configuration()));
await write(',"relevant_attributes":[');
for (let i = 0; i < count; i += 7) await write(`${i ? ',' : ''}{"attribute":["id"],"resource":"module.svc_${i % MODULES}.${TYPES[i % TYPES.length]}.this[${i}]"}`);
await write('],"timestamp":"2026-11-24T00:00:00Z","applyable":true,"complete":true,"errored":false}');
stream.end();
await once(stream, 'finish');
