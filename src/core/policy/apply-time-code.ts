import { configurationAddress, configuredResources, type ConfiguredProvisioner, type ConfiguredResource } from '../configuration.js';
import type { ProductionSignal } from '../facts/production.js';
import type { Change, Plan } from '../model.js';
import type { AssessedChange, Finding, Severity } from '../report.js';
import { productionSuffix, type ChangeFinding } from './change-policy.js';

/**
 * Apply-time code: what runs programs of the configuration's choosing while Terraform plans or
 * applies — provisioners (`local-exec`, `remote-exec`, `file`, any `when = destroy`) and
 * `external` data sources. Never silently allowed: review on production, information
 * elsewhere; a steer.yml rule can't allow it away. A command is never shown (it can carry a
 * sensitive variable): the finding says what kind of code runs, where and when.
 */

/** What each provisioner kind does, in words. Others are named by their type. */
const PROVISIONER_KINDS: Readonly<Record<string, string>> = {
  'local-exec': 'runs a command on the machine that applies',
  'remote-exec': 'runs a command on the remote host',
  file: 'copies files to the remote host',
};

/** `data "external"` (hashicorp/external) runs a program of the configuration's choosing. */
const EXTERNAL_DATA_TYPE = 'external';

/** What most changes get (one shared empty list: this runs per change). */
const NO_FINDINGS: readonly ChangeFinding[] = Object.freeze([]);

const severityFor = (production: readonly ProductionSignal[]): Severity => (production.length > 0 ? 'review' : 'info');

export interface ApplyTimeCode {
  /** The finding for a change that runs code at apply (its provisioners run, or an external data source is read). */
  forChange(c: AssessedChange): readonly ChangeFinding[];
  /** External data sources of the configuration that no change reads at apply (they run while planning), and a configuration that is missing. */
  forPlan(changes: readonly AssessedChange[], planSignals: readonly ProductionSignal[]): Omit<Finding, 'plan'>[];
}

export function applyTimeCode(plan: Plan): ApplyTimeCode {
  const withProvisioners = new Map<string, ConfiguredResource>();
  const externalData: string[] = [];
  const configured = new Set<string>();
  for (const { address, resource } of plan.configuration ? configuredResources(plan.configuration) : []) {
    configured.add(address);
    if (resource.mode === 'managed' && resource.provisioners.length > 0) withProvisioners.set(address, resource);
    if (resource.mode === 'data' && resource.type === EXTERNAL_DATA_TYPE) externalData.push(address);
  }
  return {
    forChange(c) {
      const { change } = c;
      if (change.mode === 'data') {
        if (change.type !== EXTERNAL_DATA_TYPE || change.action !== 'read') return NO_FINDINGS;
        return [
          {
            code: 'STEER-APPLY-TIME-CODE',
            severity: severityFor(c.production),
            message: `${change.address} is read at apply: an external data source runs a program on the machine that applies${productionSuffix(c)}; the program is not shown.`,
          },
        ];
      }
      if (withProvisioners.size === 0) return NO_FINDINGS;
      const resource = withProvisioners.get(configurationAddress(change.address));
      if (resource === undefined) return NO_FINDINGS;
      const timing = provisionerTiming(change);
      if (timing === undefined) return NO_FINDINGS;
      const running = resource.provisioners.filter((p) => p.when === undefined || p.when === timing.runs || timing.runs === 'both');
      if (running.length === 0) return NO_FINDINGS;
      return [
        {
          code: 'STEER-APPLY-TIME-CODE',
          severity: severityFor(c.production),
          message: `${change.address} is ${timing.verb}: ${running.length} provisioner${running.length === 1 ? '' : 's'} run${running.length === 1 ? 's' : ''} at apply — ${kindsText(running)} — ${timing.when}${productionSuffix(c)}; the commands are not shown.`,
        },
      ];
    },
    forPlan(changes, planSignals) {
      const out: Omit<Finding, 'plan'>[] = [];
      const readAtApply = externalData.length === 0 ? undefined : new Set(changes.filter((c) => c.change.mode === 'data' && c.change.action === 'read').map((c) => configurationAddress(c.change.address)));
      for (const address of externalData) {
        if (readAtApply!.has(address)) continue;
        out.push({
          code: 'STEER-APPLY-TIME-CODE',
          severity: severityFor(planSignals),
          message: `${address}: an external data source runs a program on the machine that plans (and on the one that applies, whenever its arguments are known only then); the program is not shown.`,
          address,
        });
      }
      // A `removed` block can keep destroy-time provisioners for what it destroys; the JSON plan
      // shows neither the block nor them (terraform 1.11), only the deletion. Said, not weighed:
      // a deletion on production needs review anyway, unless a steer.yml rule (itself a
      // reviewed change) allows it.
      const unconfigured = plan.configuration === undefined ? [] : changes.filter((c) => c.change.mode === 'managed' && c.change.action === 'delete' && !configured.has(configurationAddress(c.change.address)));
      if (unconfigured.length > 0) {
        const names = unconfigured.slice(0, 3).map((c) => c.change.address).join(', ');
        out.push({
          code: 'STEER-APPLY-TIME-CODE',
          severity: 'info',
          message: `${unconfigured.length} resource(s) no longer in the configuration are destroyed (${names}${unconfigured.length > 3 ? ', …' : ''}): a removed block may run destroy-time provisioners for them, which the JSON plan does not show.`,
        });
      }
      if (plan.configuration === undefined && (plan.source === 'terraform' || plan.source === 'opentofu')) {
        const running = changes.filter((c) => c.change.mode === 'managed' && provisionerTiming(c.change) !== undefined);
        if (running.length > 0) {
          out.push({
            code: 'STEER-APPLY-TIME-CODE',
            severity: running.some((c) => c.production.length > 0) ? 'review' : 'info',
            message: `${plan.target.path}: the plan has no configuration, so whether provisioners run at apply for the ${running.length} resource(s) it creates or destroys cannot be checked (terraform show -json writes it).`,
          });
        }
      }
      return out;
    },
  };
}

interface Timing {
  readonly verb: string;
  /** Which provisioners run: creation-time ones, destroy-time ones, or both. */
  readonly runs: 'create' | 'destroy' | 'both';
  readonly when: string;
}

/** When a change runs its resource's provisioners; undefined when it runs none (update, no-op, move…). */
function provisionerTiming(change: Change): Timing | undefined {
  const creates = change.action === 'create' || change.action === 'replace' || (change.action === 'forget' && change.replaceOrder !== undefined);
  if (creates && change.destroys) {
    return { verb: 'replaced', runs: 'both', when: 'those declared when = destroy before the old object is destroyed, the others after the new one is created' };
  }
  if (creates) return { verb: 'created', runs: 'create', when: 'after it is created (unless declared when = destroy)' };
  if (change.destroys) return { verb: 'destroyed', runs: 'destroy', when: 'before it is destroyed (those declared when = destroy)' };
  return undefined;
}

/** `local-exec ×2 (runs a command on the machine that applies), file (copies files to the remote host)` */
function kindsText(provisioners: readonly ConfiguredProvisioner[]): string {
  const counts = new Map<string, number>();
  for (const p of provisioners) counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  return [...counts]
    .map(([type, n]) => `${type}${n > 1 ? ` ×${n}` : ''} (${PROVISIONER_KINDS[type] ?? 'a provisioner plugin'})`)
    .join(', ');
}
