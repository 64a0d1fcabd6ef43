import { writeFileSync } from 'node:fs';
import { configJsonSchema } from './config-schema.js';

writeFileSync('schema/steer.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
