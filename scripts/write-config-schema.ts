import { writeFileSync } from 'node:fs';
import { configJsonSchema } from './config-schema.js';
import { reportJsonSchema } from './report-schema.js';

// npm run schema: the JSON Schemas generated from the zod schemas, committed and pinned by tests.
writeFileSync('schema/steer.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
writeFileSync('schema/report.schema.json', `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
