import { run } from './entry.js';

// The Action's entry point (action.yml → dist/index.js): it only starts the run.
void run();
