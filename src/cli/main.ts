import { run } from './run.js';

// Entry point: no work at import time anywhere else; this file only starts the program.
void run(process.argv);
