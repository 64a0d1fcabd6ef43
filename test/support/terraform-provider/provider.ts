import { randomBytes } from 'node:crypto';
import { fromDynamic, isObject, isUnknown, toDynamic, UNKNOWN, type DynamicValue, type ObjectValue, type Value } from './values.js';

/**
 * The fake provider's behaviour, over tfplugin6 requests and responses (plain objects as
 * @grpc/proto-loader gives them, snake_case): a provider block with `region` and `endpoint`, and
 * one managed resource type, `fake_thing`. Nothing lives outside Terraform's state: "creating" a
 * thing is choosing its id.
 */
export const RESOURCE_TYPE = 'fake_thing';

const string = Buffer.from(JSON.stringify('string'));
const attribute = (name: string, flags: { required?: boolean; optional?: boolean; computed?: boolean }, description: string) => ({ name, type: string, description, ...flags });

const PROVIDER_SCHEMA = {
  version: '0',
  block: {
    attributes: [
      attribute('region', { optional: true }, 'Where things are made; recorded on each thing.'),
      attribute('endpoint', { optional: true }, 'An https:// URL (never called).'),
    ],
  },
};

const THING_SCHEMA = {
  version: '0',
  block: {
    attributes: [
      attribute('id', { computed: true }, 'Chosen when the thing is created: NAME-vVERSION-RANDOM, VERSION the provider build that created it.'),
      attribute('name', { required: true }, 'Changing it replaces the thing.'),
      attribute('payload', { optional: true }, 'Any text; changed in place.'),
      attribute('region', { computed: true }, "The provider's region when last planned."),
    ],
  },
};
const THING_ATTRIBUTES = THING_SCHEMA.block.attributes.map((a) => a.name);

type Diagnostic = { severity: 'ERROR' | 'WARNING'; summary: string; detail?: string; attribute?: { steps: { attribute_name: string }[] } };
const error = (summary: string, attributeName?: string): Diagnostic => ({ severity: 'ERROR', summary, ...(attributeName ? { attribute: { steps: [{ attribute_name: attributeName }] } } : {}) });

/** The request fields the provider reads (proto-loader's objects, snake_case). */
export interface ProviderRequest {
  type_name?: string;
  config?: DynamicValue;
  prior_state?: DynamicValue;
  proposed_new_state?: DynamicValue;
  planned_state?: DynamicValue;
  current_state?: DynamicValue;
  raw_state?: { json?: Buffer };
}

export class FakeProvider {
  /** The version of the package terraform started (the launcher says it): new ids carry it, so a state shows which build made each thing. */
  constructor(private readonly version: string) {}

  /** The configured provider block; unknown parts stay unknown (a plan can configure from values known only at apply). */
  private region: Value = null;

  getMetadata() {
    return { server_capabilities: { plan_destroy: false }, diagnostics: [], resources: [{ type_name: RESOURCE_TYPE }] };
  }

  getProviderSchema() {
    return { provider: PROVIDER_SCHEMA, resource_schemas: { [RESOURCE_TYPE]: THING_SCHEMA }, data_source_schemas: {}, diagnostics: [], server_capabilities: { plan_destroy: false } };
  }

  validateProviderConfig(req: ProviderRequest) {
    const config = fromDynamic(req.config);
    const endpoint = isObject(config) ? config.endpoint : null;
    const bad = typeof endpoint === 'string' && !endpoint.startsWith('https://');
    return { diagnostics: bad ? [error('endpoint must be an https:// URL', 'endpoint')] : [] };
  }

  validateResourceConfig(req: ProviderRequest) {
    return { diagnostics: req.type_name === RESOURCE_TYPE ? [] : [error(`unknown resource type ${req.type_name}`)] };
  }

  configureProvider(req: ProviderRequest) {
    const config = fromDynamic(req.config);
    this.region = isObject(config) ? (config.region ?? null) : null;
    return { diagnostics: [] };
  }

  /** State written by this provider (schema version 0) is read back as it is, missing attributes null. */
  upgradeResourceState(req: ProviderRequest) {
    const raw = req.raw_state?.json && req.raw_state.json.length > 0 ? (JSON.parse(req.raw_state.json.toString('utf8')) as Value) : null;
    if (!isObject(raw)) return { diagnostics: [error('fake_thing state is not an object')] };
    return { upgraded_state: toDynamic(thing(raw)), diagnostics: [] };
  }

  /** Nothing exists outside the state: what Terraform holds is what there is. */
  readResource(req: ProviderRequest) {
    return { new_state: req.current_state ?? toDynamic(null), diagnostics: [] };
  }

  planResourceChange(req: ProviderRequest) {
    const proposed = fromDynamic(req.proposed_new_state);
    if (!isObject(proposed)) return { planned_state: toDynamic(null), requires_replace: [], diagnostics: [] }; // a destroy
    const prior = fromDynamic(req.prior_state);
    const planned: ObjectValue = { ...thing(proposed), region: this.region };
    if (!isObject(prior)) planned.id = UNKNOWN;
    const replace = isObject(prior) && prior.name !== proposed.name ? [{ steps: [{ attribute_name: 'name' }] }] : [];
    return { planned_state: toDynamic(planned), requires_replace: replace, diagnostics: [] };
  }

  applyResourceChange(req: ProviderRequest) {
    const planned = fromDynamic(req.planned_state);
    if (!isObject(planned)) return { new_state: toDynamic(null), diagnostics: [] }; // destroyed: nothing to do
    const made: ObjectValue = { ...planned };
    if (isUnknown(made.id)) made.id = `${String(made.name)}-v${this.version}-${randomBytes(4).toString('hex')}`;
    if (isUnknown(made.region)) made.region = isUnknown(this.region) ? null : this.region;
    return { new_state: toDynamic(made), diagnostics: [] };
  }

  stopProvider() {
    return { Error: '' };
  }
}

/** The object with exactly the schema's attributes. */
function thing(v: ObjectValue): ObjectValue {
  return Object.fromEntries(THING_ATTRIBUTES.map((name) => [name, v[name] ?? null]));
}
