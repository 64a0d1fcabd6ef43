// Baseline (a): bare Node — read the file, JSON.parse it, scan resource_changes for deletes.
import { readFileSync } from 'node:fs';
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let destroyed = 0;
for (const rc of plan.resource_changes ?? []) if (rc.change.actions.includes('delete')) destroyed += 1;
process.stdout.write(`${destroyed}\n`);
