/**
 * The labelled set STEER-DISPROPORTIONATE is measured on: (task, real plan) pairs, each with
 * the answer a careful reviewer would give. Plans are real terraform plans from
 * fixtures/terraform/judgment-* (see that README). Half are proportionate, half not. Tasks are
 * written as people write them: PR titles, conventional commits, sloppy one-liners.
 */
export interface LabelledPair {
  readonly task: string;
  readonly plan: string;
  readonly disproportionate: boolean;
  /** Why a reviewer would say so. */
  readonly why: string;
}

const tf = (scenario: string): string => `fixtures/terraform/${scenario}/plan.json`;
const DB = tf('judgment-db-replace');
const VPC = tf('judgment-vpc-replace');
const BUCKET = tf('judgment-bucket-delete');
const TAGS = tf('judgment-tags');
const STAGING = tf('judgment-staging-replace');
const TEARDOWN = tf('judgment-module-teardown');
const CREATE = tf('judgment-create-only');
const CACHE_DB = tf('judgment-cache-and-db');
const STAGING_BLAST = tf('judgment-staging-blast');
/** A CloudFormation change set with a nested stack (fixtures/cloudformation/README.md). */
const CFN_NESTED = 'fixtures/cloudformation/judgment-nested';

export const LABELLED_SET: readonly LabelledPair[] = [
  // The incident: a drift fix that rebuilds the production database.
  { task: 'Fix minor configuration drift', plan: DB, disproportionate: true, why: 'a drift fix replaces the production database' },
  { task: 'fix(orders): drift', plan: DB, disproportionate: true, why: 'conventional-commit fix; the database is replaced' },
  { task: 'tidy up the variables', plan: DB, disproportionate: true, why: 'tidying replaces a database' },
  { task: 'chore: tf fmt', plan: DB, disproportionate: true, why: 'formatting cannot replace a database' },
  { task: 'bump the KMS key version', plan: DB, disproportionate: true, why: 'a bump, silent about the recreation' },
  { task: 'Upgrade Postgres to 16, which recreates the instance', plan: DB, disproportionate: false, why: 'names the recreation of the database' },
  { task: 'Recreate the orders database with the new KMS key', plan: DB, disproportionate: false, why: 'names the database and its recreation' },
  { task: 'rotate the orders db encryption key (replaces the DB)', plan: DB, disproportionate: false, why: 'rotation named, database named' },
  // A small change list, a large blast radius.
  { task: 'tweak vpc tags', plan: VPC, disproportionate: true, why: 'a tag tweak replaces the production VPC ten resources depend on' },
  { task: 'fix drift in network settings', plan: VPC, disproportionate: true, why: 'a drift fix, a VPC replacement' },
  { task: 'Rebuild the app servers', plan: VPC, disproportionate: true, why: 'the servers are named, the VPC under them is not' },
  { task: 'Replace the main VPC (new CIDR range)', plan: VPC, disproportionate: false, why: 'names the VPC replacement; its dependents go with it' },
  { task: 'migrate the network to 10.1.0.0/16', plan: VPC, disproportionate: false, why: 'a network migration names the VPC' },
  // Deleting a bucket with its data.
  { task: 'Remove the unused analytics bucket', plan: BUCKET, disproportionate: false, why: 'names the deletion' },
  { task: 'delete analytics bucket', plan: BUCKET, disproportionate: false, why: 'names the deletion' },
  { task: 'docs: update README', plan: BUCKET, disproportionate: true, why: 'a docs change deletes a production bucket' },
  { task: 'rename bucket variable', plan: BUCKET, disproportionate: true, why: 'a rename deletes a bucket' },
  { task: "Don't delete anything, just fix the tags", plan: BUCKET, disproportionate: true, why: 'the deletion is negated in the task' },
  // Nothing destroyed: no task is too small.
  { task: 'fix drift', plan: TAGS, disproportionate: false, why: 'an in-place tag update' },
  { task: 'chore: update tags', plan: TAGS, disproportionate: false, why: 'an in-place tag update' },
  { task: 'Decommission the old cluster', plan: TAGS, disproportionate: false, why: 'nothing is destroyed at all' },
  { task: 'add owner tag', plan: CREATE, disproportionate: false, why: 'only creates' },
  { task: 'feat: add an orders queue', plan: CREATE, disproportionate: false, why: 'only creates' },
  // Outside production, few dependents: not the finding's business.
  { task: 'tweak staging server', plan: STAGING, disproportionate: false, why: 'staging, one dependent, no data' },
  { task: 'typo', plan: STAGING, disproportionate: false, why: 'staging, one dependent, no data' },
  // A whole module removed.
  { task: 'Decommission the notifications module', plan: TEARDOWN, disproportionate: false, why: 'names the module' },
  { task: 'tear down the notifications stack', plan: TEARDOWN, disproportionate: false, why: 'names the teardown' },
  { task: 'feat(notifications): add retries', plan: TEARDOWN, disproportionate: true, why: 'adding retries deletes the production queue' },
  // Two destructions, one named.
  { task: 'Rebuild the session cache cluster', plan: CACHE_DB, disproportionate: true, why: 'the cache is named, the database replaced with it is not' },
  { task: 'rebuild the session cache and recreate the orders database', plan: CACHE_DB, disproportionate: false, why: 'both named' },
  { task: 'scale up the cache node type', plan: CACHE_DB, disproportionate: true, why: 'a resize replaces a cache and a database' },
  // Many dependents off production.
  { task: 'format', plan: STAGING_BLAST, disproportionate: true, why: 'formatting replaces a network eight nodes depend on' },
  { task: 'replace the staging vpc', plan: STAGING_BLAST, disproportionate: false, why: 'names the VPC replacement' },
  { task: 'recreate the staging network and its nodes', plan: STAGING_BLAST, disproportionate: false, why: 'names the replacement' },
  // More of the sloppy kind.
  { task: 'Bump provider version', plan: VPC, disproportionate: true, why: 'a version bump replaces the production VPC' },
  { task: 'lint: terraform validate fixes', plan: TEARDOWN, disproportionate: true, why: 'lint fixes delete a module' },
  { task: 'update the analytics dashboard', plan: BUCKET, disproportionate: true, why: 'names analytics, not its deletion' },
  { task: 'Remove unused IAM policy', plan: BUCKET, disproportionate: true, why: 'a deletion is named, of something else' },
  // CloudFormation: the blast radius from Details[].CausingEntity, through a nested stack.
  { task: 'chore: tidy network tags', plan: CFN_NESTED, disproportionate: true, why: 'tidying tags replaces a production VPC, its subnet and maybe the database' },
  { task: 'fix(api): drift', plan: CFN_NESTED, disproportionate: true, why: 'a drift fix on the API replaces the network under it' },
  { task: 'Replace the VPC in the network stack', plan: CFN_NESTED, disproportionate: false, why: 'names the VPC; what is replaced because of it goes with it' },
  { task: 'migrate the network to a new CIDR block', plan: CFN_NESTED, disproportionate: false, why: 'a network migration names the VPC' },
  { task: 'clean up', plan: BUCKET, disproportionate: true, why: 'too vague to own the deletion of a production bucket and its data' },
];
