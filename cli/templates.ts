/** `wasmedge-plugin templates list|new|lint|test|pack`: template packs (docs/template-packs.md). */
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitError } from '../runtime/errors.js';
import { colour, printJson } from './output.js';
import type { LintFinding } from '../runtime/template-lint.js';
import type { LanguageResult } from '../runtime/template-test.js';

export function formatLintFinding(f: LintFinding): string {
  const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
  const head = f.severity === 'error' ? colour.red('error') : colour.yellow('warning');
  return `${head} ${where}: ${f.message}${f.hint ? `\n  ${colour.cyan('hint')}: ${f.hint}` : ''}`;
}

function formatResult(r: LanguageResult): string {
  if (r.ok) return `${colour.green('✓')} ${r.language}: rendered, built, ${r.summary!.pass} checks passed`;
  const lines = [`${colour.red('✗')} ${r.language}: failed at ${r.stage} (project kept in ${r.dir})`];
  if (r.error) lines.push(`  error[${r.error.code}]: ${r.error.message}`);
  for (const f of r.failures) lines.push(`  ✗ ${f.message}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  const templates = program.command('templates').description('template packs: list installed ones, author, lint, test and pack them');

  templates
    .command('list')
    .description('list the built-in pack and installed packs (wasmedge-plugin-template-* in node_modules of this directory and its parents, and the global one)')
    .option('--json', 'print { packs: [...] } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { listPacks } = await import('../runtime/template-pack.js');
      const packs = listPacks();
      if (flags.json) return printJson({ packs });
      for (const p of packs) {
        const status = p.problem ? colour.red(` invalid: ${p.problem}`) : p.compatible ? '' : colour.yellow(` (kit ${p.kit}: not for this kit version)`);
        process.stdout.write(`${p.name.padEnd(20)} ${(p.version ?? '?').padEnd(9)} ${p.source.padEnd(9)} ${(p.languages ?? []).join(',').padEnd(11)} ${p.packageName ?? ''}${status}\n    ${colour.dim(p.path)}\n`);
      }
    });

  templates
    .command('new')
    .description('scaffold a template pack (a copy of the built-in templates, a manifest and a package.json)')
    .argument('<dir>', 'pack directory (created; must be new or empty)')
    .option('--name <name>', 'pack name; the npm package is wasmedge-plugin-template-<name> (default: from the directory)')
    .option('--description <text>', 'one-line description')
    .option('--languages <list>', 'languages the pack supports, comma-separated (default: c,cpp,rust)')
    .option('--json', 'print { dir, name, files } as JSON')
    .action(async (dir: string, flags: { name?: string; description?: string; languages?: string; json?: boolean }) => {
      const target = resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0) {
        throw new KitError('E_TARGET_EXISTS', `${target} is not empty`, { path: target, hint: 'Choose a new or empty directory.' });
      }
      const { runGenerator } = await import('../runtime/run-generator.js');
      const { default: PackGenerator } = await import('../generators/pack/index.js');
      const generatorPath = fileURLToPath(new URL('../generators/pack/index.js', import.meta.url));
      const g = await runGenerator(PackGenerator, generatorPath, target, { name: flags.name, description: flags.description, languages: flags.languages, defaultsDir: basename(target) });
      if (flags.json) return printJson({ dir: target, name: g.answers.name, languages: g.answers.languages, files: g.written.sort() });
      process.stdout.write(
        `${colour.green('created')} template pack ${g.answers.name} in ${target} (${g.written.length} files)\n\n` +
          `next: edit the templates and wasmedge-plugin-template.json, then\n  wasmedge-plugin templates lint ${dir}\n  wasmedge-plugin templates test ${dir}\n  wasmedge-plugin templates pack ${dir}\n`,
      );
    });

  templates
    .command('lint')
    .description('check a pack: manifest, kit range, every template, undeclared variables, unsafe or colliding files')
    .argument('[dir]', 'pack directory', '.')
    .option('--json', 'print { root, ok, findings } as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { lintPack } = await import('../runtime/template-lint.js');
      const report = lintPack(resolve(dir));
      if (flags.json) printJson({ root: report.root, ok: report.ok, findings: report.findings });
      else {
        for (const f of report.findings) process.stdout.write(formatLintFinding(f) + '\n');
        const errors = report.findings.filter((f) => f.severity === 'error').length;
        process.stdout.write(`${report.ok ? colour.green('ok') : colour.red('FAIL')} ${report.root}: ${errors} error(s), ${report.findings.length - errors} warning(s)\n`);
      }
      process.exitCode = report.ok ? 0 : 1;
    });

  templates
    .command('test')
    .description('render the pack for each language it claims (sample answers), build it and run `wasmedge-plugin test` on it')
    .argument('[dir]', 'pack directory', '.')
    .option('--lang <list>', 'only these languages (comma-separated)')
    .option('--json', 'print { root, ok, results } as JSON')
    .action(async (dir: string, flags: { lang?: string; json?: boolean }) => {
      const { testPack } = await import('../runtime/template-test.js');
      const report = await testPack(dir, { languages: flags.lang?.split(','), onResult: flags.json ? undefined : (r) => process.stdout.write(formatResult(r) + '\n') });
      if (flags.json) printJson(report);
      else process.stdout.write(`${report.ok ? colour.green('PASS') : colour.red('FAIL')} ${report.root}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });

  templates
    .command('pack')
    .description('lint + test, then `npm pack`: prints the tarball path (publish it with `npm publish <tarball>`)')
    .argument('[dir]', 'pack directory', '.')
    .option('--destination <dir>', 'where to write the tarball (default: the pack directory)')
    .option('--json', 'print { tarball, test } as JSON')
    .action(async (dir: string, flags: { destination?: string; json?: boolean }) => {
      const { packPack } = await import('../runtime/template-test.js');
      const result = await packPack(dir, { destination: flags.destination, onResult: flags.json ? undefined : (r) => process.stderr.write(formatResult(r) + '\n') });
      if (flags.json) printJson(result);
      else process.stdout.write(`${result.tarball}\n`);
    });
}
