import { z } from 'zod';
import { reportSchema } from '../src/render/report-schema.js';

/** The JSON Schema of the JSON report (`--format json`), generated from its zod schema (output side). */
export function reportJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(reportSchema, { io: 'output', target: 'draft-2020-12' }),
    title: 'Steer JSON report',
  };
}
