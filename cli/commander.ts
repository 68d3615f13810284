/**
 * commander, loaded with require(): its ESM entry re-exports the CommonJS one, and importing
 * CommonJS from ESM makes Node scan the file for named exports — measurable in `inspect`'s
 * start-up, a measured goal. Types come from the package as usual.
 */
import { createRequire } from 'node:module';

const commander = createRequire(import.meta.url)('commander') as typeof import('commander');

export const { Command, CommanderError, Option } = commander;
export type Command = import('commander').Command;
export type CommanderError = import('commander').CommanderError;
export type Option = import('commander').Option;
