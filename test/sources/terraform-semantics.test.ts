import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const parse = (doc: unknown) => parseTerraformPlan(doc, { path: 'plan.json' });
const one = (o: Parameters<typeof rc>[0]) => parse(tfPlan([rc(o)])).changes[0]!;

describe('Terraform actions are classified on the whole tuple', () => {
  it.each([
    [['no-op'], 'no-op', false, undefined],
    [['create'], 'create', false, undefined],
    [['read'], 'read', false, undefined],
    [['update'], 'update', false, undefined],
    [['delete'], 'delete', true, undefined],
    [['delete', 'create'], 'replace', true, 'delete-before-create'],
    [['create', 'delete'], 'replace', true, 'create-before-destroy'],
    [['forget'], 'forget', false, undefined],
    [['create', 'forget'], 'forget', false, 'create-before-destroy'],
    [['forget', 'create'], 'forget', false, 'delete-before-create'],
  ])('%j → %s (destroys: %s, order: %s)', (actions, action, destroys, order) => {
    const c = one({ actions });
    expect(c.action).toBe(action);
    expect(c.destroys).toBe(destroys);
    expect(c.replaceOrder).toBe(order);
  });

  it('forget leaves the object running: forgets, not destroyed', () => {
    const c = one({ actions: ['forget'] });
    expect(c.forgets).toBe(true);
    expect(c.reasons.notes.join()).toMatch(/keeps running/);
  });

  it('refuses an unknown action word with the file and the field', () => {
    expect(() => parse(tfPlan([rc({ actions: ['obliterate'] })]))).toThrowError(InputError);
    expect(() => parse(tfPlan([rc({ actions: ['obliterate'] })]))).toThrowError(/plan\.json: .*resource_changes\[0\]\.change\.actions\[0\]: unknown action \(Terraform writes no-op, create/);
  });

  it('refuses an action combination no Terraform writes', () => {
    expect(() => parse(tfPlan([rc({ actions: ['delete', 'update'] })]))).toThrowError(/unknown action combination \["delete","update"\]/);
  });

  it('refuses an empty actions list', () => {
    expect(() => parse(tfPlan([rc({ actions: [] })]))).toThrowError(/empty actions list/);
  });
});

describe('Terraform change details', () => {
  it('shows replace_paths as the attributes forcing the replacement', () => {
    const c = one({ actions: ['delete', 'create'], replace_paths: [['kms_key_id'], ['disk', 0, 'size'], ['tags', 'a b']], action_reason: 'replace_because_cannot_update' });
    expect(c.reasons.forcedBy).toEqual(['kms_key_id', 'disk[0].size', 'tags["a b"]']);
    expect(c.reasons.actionReason).toBe('replace_because_cannot_update');
  });

  it.each([
    'replace_because_tainted',
    'replace_because_cannot_update',
    'replace_by_request',
    'replace_by_triggers',
    'delete_because_no_resource_config',
    'delete_because_no_module',
    'delete_because_wrong_repetition',
    'delete_because_count_index',
    'delete_because_each_key',
    'delete_because_no_move_target',
    'read_because_config_unknown',
    'read_because_dependency_pending',
    'read_because_check_nested',
  ])('explains action_reason %s in words', (reason) => {
    const c = one({ actions: ['delete'], action_reason: reason });
    expect(c.reasons.notes[0]).not.toBe(reason);
  });

  it('keeps an unknown action_reason as it is', () => {
    expect(one({ actions: ['delete'], action_reason: 'delete_because_the_moon' }).reasons.notes).toContain('delete_because_the_moon');
  });

  it('a moved object with no other change is a move', () => {
    const c = one({ address: 'aws_s3_bucket.new', previous_address: 'aws_s3_bucket.old', actions: ['no-op'] });
    expect(c.action).toBe('move');
    expect(c.previousAddress).toBe('aws_s3_bucket.old');
  });

  it('a moved object with changes keeps its real action and the previous address', () => {
    const c = one({ address: 'aws_s3_bucket.new', previous_address: 'aws_s3_bucket.old', actions: ['update'] });
    expect(c.action).toBe('update');
    expect(c.previousAddress).toBe('aws_s3_bucket.old');
  });

  it('an import with no other change is an import; with changes, the change is marked importing', () => {
    expect(one({ actions: ['no-op'], importing: { id: 'i-123' } }).action).toBe('import');
    const updated = one({ actions: ['update'], importing: { id: 'i-123' } });
    expect(updated.action).toBe('update');
    expect(updated.importing).toBe(true);
  });

  it('a deposed object keeps its address and names its deposed key', () => {
    const c = one({ address: 'aws_instance.web', deposed: '00000001', actions: ['delete'] });
    expect(c.address).toBe('aws_instance.web');
    expect(c.deposedKey).toBe('00000001');
    expect(c.destroys).toBe(true);
  });

  it('reports resource_drift apart, never as planned work', () => {
    const plan = parse(tfPlan([], { resource_drift: [rc({ actions: ['delete'] })] }));
    expect(plan.changes).toHaveLength(0);
    expect(plan.drift[0]!.action).toBe('delete');
  });

  it('a missing resource_changes key means no changes, not an error', () => {
    const plan = parse({ format_version: '1.2', planned_values: {} });
    expect(plan.changes).toEqual([]);
  });

  it('reads output changes and whether they are sensitive', () => {
    const plan = parse(tfPlan([], { output_changes: { pw: { actions: ['update'], before: 'a', after: 'b', before_sensitive: true, after_sensitive: true }, url: { actions: ['create'], after: 'x' } } }));
    expect(plan.outputs).toEqual([
      { name: 'pw', action: 'update', sensitive: true },
      { name: 'url', action: 'create', sensitive: false },
    ]);
  });

  it('deferred changes are listed apart and make the plan incomplete', () => {
    const plan = parse(tfPlan([], { complete: false, deferred_changes: [{ reason: 'provider_config_unknown', resource_change: rc({ actions: ['delete'] }) }] }));
    expect(plan.deferred[0]!.reason).toBe('provider_config_unknown');
    expect(plan.incompleteReasons.join(' ')).toMatch(/deferred/);
  });

  it('errored and complete:false are carried as reasons', () => {
    expect(parse(tfPlan([], { errored: true, complete: false })).errored).toBe(true);
    expect(parse(tfPlan([], { complete: false })).incompleteReasons[0]).toMatch(/partial/);
  });

  it('refuses an unknown major format_version', () => {
    expect(() => parse({ format_version: '2.0', resource_changes: [] })).toThrowError(/unsupported plan format_version 2\.x/);
  });
});

describe('sensitive values never reach the model', () => {
  const secret = 'hunter2-SECRET-do-not-leak';
  it('redacts sensitive tags and sensitive variables, keeps the rest', () => {
    const plan = parse(
      tfPlan(
        [
          rc({
            actions: ['update'],
            before: { tags: { Environment: 'prod', Token: secret }, password: secret },
            after: { tags: { Environment: 'prod', Token: secret }, password: 'x' },
            before_sensitive: { tags: { Token: true }, password: true },
            after_sensitive: { tags: { Token: true }, password: true },
          }),
        ],
        {
          variables: { environment: { value: 'prod' }, db_password: { value: secret } },
          configuration: { root_module: { variables: { environment: {}, db_password: { sensitive: true } } } },
        },
      ),
    );
    const text = JSON.stringify(plan);
    expect(text).not.toContain(secret);
    expect(plan.target.variables).toEqual({ environment: 'prod', db_password: '(sensitive value)' });
    expect(plan.changes[0]!.tagsBefore).toEqual({ Environment: 'prod', Token: '(sensitive value)' });
    expect(plan.changes[0]!.changedAttributes).toEqual(['password']);
  });
});

describe('digest', () => {
  const base = tfPlan([rc({ actions: ['update'], before: { a: 1, b: 2 }, after: { a: 1, b: 3 } }), rc({ address: 'x.y', actions: ['create'], after: { z: 1 } })]);
  it('is the same for the same plan, whatever the key order, whitespace or resource order', () => {
    const reordered = JSON.parse(JSON.stringify(base));
    reordered.resource_changes.reverse();
    reordered.resource_changes[1].change.after = { b: 3, a: 1 };
    reordered.timestamp = '2030-01-01T00:00:00Z';
    expect(parse(reordered).digest).toBe(parse(base).digest);
  });
  it('changes when an action, an address or a value changes', () => {
    const d = parse(base).digest;
    const mutate = (f: (p: any) => void) => {
      const copy = JSON.parse(JSON.stringify(base));
      f(copy);
      return parse(copy).digest;
    };
    expect(mutate((p) => (p.resource_changes[0].change.actions = ['delete', 'create']))).not.toBe(d);
    expect(mutate((p) => (p.resource_changes[0].address = 'terraform_data.other'))).not.toBe(d);
    expect(mutate((p) => (p.resource_changes[0].change.after.b = 4))).not.toBe(d);
  });
});
