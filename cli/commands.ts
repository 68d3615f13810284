/** The list of commands; each module exports `register(program)`. */
import type { Command } from 'commander';
import { register as inspect } from './inspect.js';
import { register as call } from './call.js';
import { register as run } from './run.js';
import { register as newProject } from './new.js';
import { register as build } from './build.js';
import { register as test } from './test.js';
import { register as doctor } from './doctor.js';
import { register as templates } from './templates.js';
import { register as add } from './add.js';

export const commands: Array<(program: Command) => void> = [inspect, call, run, newProject, build, test, templates, add, doctor];
