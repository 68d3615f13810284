/** Entry point of the `wasmedge-plugin` command: one file per command, registered here. */
import { Command, CommanderError } from 'commander';
import { reportError } from './output.js';
import { kitVersion } from '../tooling/paths.js';
import { commands } from './commands.js';

/** The program with the command named in argv registered (all of them for help or an unknown name). */
export async function createProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('wasmedge-plugin')
    .description('Scaffold, build, inspect, run and test native WasmEdge plug-ins (C, C++, Rust).')
    .version(kitVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const first = argv.find((a) => !a.startsWith('-'));
  const names = first !== undefined && Object.hasOwn(commands, first) ? [first] : Object.keys(commands);
  for (const name of names) (await commands[name]()).register(program);
  return program;
}

/** Runs the CLI and resolves to the exit status (never calls process.exit itself). */
export async function main(argv: string[]): Promise<number> {
  const program = await createProgram(argv);
  let status = 0;
  for (const cmd of program.commands) {
    cmd.exitOverride();
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    status = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(e);
  }
  return status;
}
