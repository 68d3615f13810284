/** The list of files a project gets, known before anything is written (for conflict checks). */
import type { ProjectAnswers } from './answers.js';
import { templateFiles } from './render.js';
import { vendoredFiles } from './vendor.js';

/** Written by the generator with JSON.stringify: what the kit's commands read about a project. */
export const MANIFEST_FILE = 'wasmedge-plugin.json';

/** posix paths relative to the project root, sorted. */
export function plannedFiles(answers: ProjectAnswers, packRoot?: string): string[] {
  return [
    ...templateFiles(answers.language, packRoot).map((f) => f.output),
    ...vendoredFiles(answers.language).map((f) => f.output),
    MANIFEST_FILE,
  ].sort();
}
