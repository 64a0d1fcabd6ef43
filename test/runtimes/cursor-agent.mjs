#!/usr/bin/env node
// Runs one local Cursor agent (the @cursor/sdk package at argv[2]) in the current directory, the way an
// embedder does: Agent.create({ local: { cwd, settingSources } }) and one send. Its backend is
// CURSOR_BACKEND_URL (the scripted backend on loopback). Prints each SDK message as a JSON line, then
// the run's result; exits 0 when the run finished. STEER_CURSOR_SETTING_SOURCES: a comma list
// ("project" unless set; "" loads no settings layer at all).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , packageDir, prompt] = process.argv;
const { Agent, JsonlLocalAgentStore } = await import(pathToFileURL(join(packageDir, 'dist/esm/index.js')).href);
const sources = process.env.STEER_CURSOR_SETTING_SOURCES ?? 'project';
const agent = await Agent.create({
  apiKey: 'scripted',
  model: { id: 'scripted' },
  // A JSONL store under HOME: the default one needs node:sqlite (Node >= 22.13).
  local: { cwd: process.cwd(), settingSources: sources === '' ? [] : sources.split(','), store: new JsonlLocalAgentStore(join(process.env.HOME, '.cursor-sdk-store')) },
});
const run = await agent.send(prompt);
for await (const message of run.stream()) process.stdout.write(`${JSON.stringify(message)}\n`);
const result = await run.wait();
process.stdout.write(`${JSON.stringify({ result })}\n`);
agent.close();
process.exit(result.status === 'finished' ? 0 : 1);
