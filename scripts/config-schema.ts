import { z } from 'zod';
import { configSchema } from '../src/config/schema.js';

/** The JSON Schema of steer.yml for editors, generated from the zod schema (input side: defaults optional). */
export function configJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'steer.yml',
  };
}
