/** Entry point of the `wasmedge-plugin` command: one file per command, registered here. */
import { Command, CommanderError } from './commander.js';
import { formatError, reportError } from './output.js';
import { kitVersion } from '../tooling/paths.js';
import { commands } from './commands.js';

/** The program with the command named in argv registered (all of them for help or an unknown name). */
export async function createProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('wasmedge-plugin')
    .description('Scaffold, build, inspect, run and test native WasmEdge plug-ins (C, C++, Rust).')
    .version(kitVersion(), '-V, --version')
    // Parse errors are printed by `main` in the kit's error format, not by commander.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  const first = argv.find((a) => !a.startsWith('-'));
  const names = first !== undefined && Object.hasOwn(commands, first) ? [first] : Object.keys(commands);
  for (const name of names) (await commands[name]()).register(program);
  throwWithCommand(program);
  return program;
}

/** A parse error, remembering which (sub-)command raised it so the hint can point at its help. */
class ParseError extends Error {
  constructor(readonly error: CommanderError, readonly command: Command) {
    super(error.message);
  }
}

function throwWithCommand(cmd: Command): void {
  cmd.exitOverride((e) => {
    throw new ParseError(e, cmd);
  });
  for (const sub of cmd.commands) throwWithCommand(sub);
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Exit status for a parse outcome; usage errors are printed as `error[E_USAGE]` with a hint. */
function reportParseError({ error, command }: ParseError): number {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return 0;
    case 'commander.help':
      // Help asked for (`help`) exits 0; help shown because no command was given is a usage error.
      return error.exitCode === 0 ? 0 : 2;
  }
  const [message, suggestion] = error.message.replace(/^error: /, '').split(/\n\(Did you mean (.*)\?\)/);
  const help = `run '${commandPath(command)} --help' for usage`;
  process.stderr.write(formatError('E_USAGE', message.trim(), suggestion ? `did you mean ${suggestion}? (${help})` : help) + '\n');
  return 2;
}

/** Runs the CLI and resolves to the exit status (never calls process.exit itself). */
export async function main(argv: string[]): Promise<number> {
  const program = await createProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return e instanceof ParseError ? reportParseError(e) : reportError(e);
  }
}
