/**
 * The commands, in help order. Each module exports `register(program)`; modules load lazily so a
 * command pays only for its own imports (start-up time of `inspect` is a measured goal).
 */
import type { Command } from 'commander';

type CommandModule = Promise<{ register: (program: Command) => void }>;

export const commands: Record<string, () => CommandModule> = {
  new: () => import('./new.js'),
  build: () => import('./build.js'),
  inspect: () => import('./inspect.js'),
  call: () => import('./call.js'),
  run: () => import('./run.js'),
  test: () => import('./test.js'),
  dev: () => import('./dev.js'),
  fuzz: () => import('./fuzz.js'),
  bindings: () => import('./bindings.js'),
  templates: () => import('./templates.js'),
  add: () => import('./add.js'),
  package: () => import('./package.js'),
  install: () => import('./install.js'),
  uninstall: () => import('./uninstall.js'),
  list: () => import('./list.js'),
  doctor: () => import('./doctor.js'),
};
