/** `wasmedge-plugin templates list|new|lint|test|pack`: template packs (docs/template-packs.md), one file per sub-command. */
import type { Command } from 'commander';
import { register as registerList } from './templates/list.js';
import { register as registerNew } from './templates/new.js';
import { register as registerLint } from './templates/lint.js';
import { register as registerTest } from './templates/test.js';
import { register as registerPack } from './templates/pack.js';

export function register(program: Command): void {
  const templates = program.command('templates').description('template packs: list installed ones, author, lint, test and pack them');
  registerList(templates);
  registerNew(templates);
  registerLint(templates);
  registerTest(templates);
  registerPack(templates);
}
