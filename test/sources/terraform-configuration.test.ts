import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configuredResources } from '../../src/core/configuration.js';
import type { Plan } from '../../src/core/model.js';
import { decodeInput } from '../../src/sources/decode.js';
import { parseDecoded, plansFromDocuments } from '../../src/sources/load.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { streamTerraformPlan } from '../../src/sources/terraform/stream.js';
import { tfPlan } from '../support/tfplan.js';

function viaBytes(text: string): Plan {
  const decoded = decodeInput(Buffer.from(text), 'p.json');
  if (decoded.kind === 'saved-terraform-plan') throw new Error('unexpected zip');
  return plansFromDocuments([{ ...parseDecoded(decoded, 'p.json')[0]!, notes: decoded.notes }], {})[0]!;
}
/** Streamed a byte at a time: every step of the reader is cut short. */
const viaStream = (text: string): Promise<Plan> =>
  streamTerraformPlan(Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b]))), { path: 'p.json' }, 1);

const configuration = {
  provider_config: { terraform: { name: 'terraform', full_name: 'terraform.io/builtin/terraform' } },
  root_module: {
    resources: [
      {
        address: 'terraform_data.hook',
        mode: 'managed',
        type: 'terraform_data',
        name: 'hook',
        provider_config_key: 'terraform',
        provisioners: [{ type: 'local-exec', expressions: { command: { references: ['var.token'] } } }],
        depends_on: ['data.external.probe'],
        schema_version: 0,
      },
      { address: 'data.external.probe', mode: 'data', type: 'external', name: 'probe', expressions: { program: { constant_value: ['sh', 'probe.sh'] } } },
    ],
    module_calls: {
      app: {
        source: './app',
        for_each_expression: { references: ['var.apps'] },
        module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', count_expression: { constant_value: 2 } }] },
      },
    },
    variables: { token: { sensitive: true, default: 'not-kept' } },
  },
};

describe('the configuration of a Terraform plan', () => {
  it('is read whole, the same by the in-memory reader, the streaming reader and JSON.parse', async () => {
    const text = JSON.stringify(tfPlan([], { configuration }));
    const reference = parseTerraformPlan(JSON.parse(text), { path: 'p.json' });
    expect(viaBytes(text).configuration).toEqual(reference.configuration);
    expect((await viaStream(text)).configuration).toEqual(reference.configuration);
    const resources = configuredResources(reference.configuration!);
    expect(resources.map((r) => r.address)).toEqual(['terraform_data.hook', 'data.external.probe', 'module.app.aws_s3_bucket.b']);
    expect(resources[0]!.resource.provisioners).toEqual([{ type: 'local-exec' }]);
    expect(resources[0]!.resource.dependsOn).toEqual(['data.external.probe']);
    expect(reference.configuration!.root.moduleCalls.app!.references).toEqual(['var.apps']);
    expect(reference.configuration!.providers.terraform!.fullName).toBe('terraform.io/builtin/terraform');
  });

  it('keeps of each expression what it refers to, each once (nested blocks included), never its value', () => {
    const withExpressions = {
      root_module: {
        resources: [
          {
            address: 'aws_instance.web',
            mode: 'managed',
            type: 'aws_instance',
            expressions: { ami: { constant_value: 'ami-secret-123' }, subnet_id: { references: ['aws_subnet.a.id', 'aws_subnet.a'] }, ebs_block_device: [{ kms_key_id: { references: ['aws_kms_key.k.arn', 'aws_subnet.a.id'] } }] },
            count_expression: { references: ['var.n'] },
            provisioners: [{ type: 'local-exec', expressions: { command: { constant_value: 'echo ami-secret-123' } } }],
          },
        ],
        module_calls: { net: { source: './net', expressions: { cidr: { references: ['var.cidr'] }, name: { constant_value: 'n' } }, module: { outputs: { id: { expression: { references: ['aws_vpc.v.id'] } } } } } },
      },
    };
    const plan = viaBytes(JSON.stringify(tfPlan([], { configuration: withExpressions })));
    expect(plan.configuration!.root.resources[0]!.references).toEqual(['aws_subnet.a.id', 'aws_subnet.a', 'aws_kms_key.k.arn', 'var.n']);
    expect(plan.configuration!.root.moduleCalls.net!.inputs).toEqual({ cidr: ['var.cidr'], name: [] });
    expect(plan.configuration!.root.moduleCalls.net!.module.outputs).toEqual({ id: ['aws_vpc.v.id'] });
    expect(JSON.stringify(plan)).not.toContain('ami-secret-123');
  });

  it('resolves references to names that exist only on the prototype ("constructor", "__proto__") to nothing', () => {
    const names = { root_module: { resources: [{ address: 'terraform_data.x', mode: 'managed', type: 'terraform_data', expressions: { a: { references: ['module.constructor.out', 'module.__proto__', 'module.toString.x'] } } }] } };
    const plan = viaBytes(JSON.stringify(tfPlan([], { configuration: names })));
    expect(plan.dependencies!.edges).toEqual([]);
  });

  it('keeps which variables are sensitive, never their defaults', () => {
    const plan = viaBytes(JSON.stringify(tfPlan([], { configuration })));
    expect(plan.configuration!.root.variables).toEqual({ token: { sensitive: true } });
    expect(JSON.stringify(plan)).not.toContain('not-kept');
  });

  it('is refused, by both readers, when a key repeats anywhere in it (which copy counts would be up to the reader)', async () => {
    const text = JSON.stringify(tfPlan([], { configuration })).replace('"provisioners":[', '"provisioners":[],"provisioners":[');
    const message = /p\.json: not a valid Terraform plan: duplicate key "provisioners" in configuration\.root_module\.resources\[0\]$/;
    expect(() => viaBytes(text)).toThrowError(message);
    await expect(viaStream(text)).rejects.toThrowError(message);
  });

  it('refuses a repeat wherever it hides: an escaped spelling of the same key, next to strings full of colons and quotes', async () => {
    const tricky = { ...configuration, root_module: { ...configuration.root_module, variables: { 'a:"b\\': { sensitive: false }, 'c": {': {} } } };
    const text = JSON.stringify(tfPlan([], { configuration: tricky }));
    expect(viaBytes(text).configuration).toEqual(parseTerraformPlan(JSON.parse(text), { path: 'p.json' }).configuration);
    const escaped = text.replace('"schema_version":0', '"schema_version":0,"sch\\u0065ma_version":1');
    const message = /p\.json: not a valid Terraform plan: duplicate key "schema_version" in configuration\.root_module\.resources\[0\]$/;
    expect(() => viaBytes(escaped)).toThrowError(message);
    await expect(viaStream(escaped)).rejects.toThrowError(message);
  });

  it('takes a key repeated inside an expression as JSON.parse does (expressions are kept raw, their repeats are not looked for)', () => {
    const text = JSON.stringify(tfPlan([], { configuration })).replace('"constant_value":2', '"constant_value":1,"constant_value":2');
    expect(viaBytes(text).configuration).toEqual(parseTerraformPlan(JSON.parse(text), { path: 'p.json' }).configuration);
  });

  it('keeps a "__proto__" key as JSON.parse does: an own property, not a prototype', () => {
    const text = JSON.stringify(tfPlan([], { configuration })).replace('"schema_version":0', '"__proto__":{"polluted":true}');
    const plan = viaBytes(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plan.configuration).toEqual(parseTerraformPlan(JSON.parse(text), { path: 'p.json' }).configuration);
  });

  it('is refused, with one line, when module calls nest deeper than any real configuration', () => {
    let module: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) module = { module_calls: { m: { module } } };
    expect(() => viaBytes(JSON.stringify(tfPlan([], { configuration: { root_module: module } })))).toThrowError(
      /^p\.json: not a valid Terraform plan: configuration: module calls nested deeper than 100 levels$/,
    );
  });

  it('is refused when a field Steer reads has the wrong shape', () => {
    const bad = { root_module: { resources: [{ address: 'terraform_data.x', mode: 'managed', type: 'terraform_data', provisioners: {} }] } };
    expect(() => viaBytes(JSON.stringify(tfPlan([], { configuration: bad })))).toThrowError(/configuration\.root_module\.resources\[0\]\.provisioners: /);
  });
});
