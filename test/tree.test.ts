// tooling/tree.ts, the one directory walk of the tooling: every depth, paths relative with '/',
// and a symbolic link listed as a link — never entered, so a walk cannot leave its folder or loop.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTempDir, removeDir } from './helpers/cbuild.js';
import { treeEntries } from '../tooling/tree.js';

let tmp: string;
let root: string;

beforeAll(() => {
  tmp = makeTempDir('wpk-tree-');
  root = path.join(tmp, 'root');
  const outside = path.join(tmp, 'outside');
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'x');
  fs.writeFileSync(path.join(root, 'top.txt'), 'x');
  fs.writeFileSync(path.join(root, 'a', 'b', 'deep.txt'), 'x');
  fs.symlinkSync(outside, path.join(root, 'a', 'linked-dir'));
  fs.symlinkSync('../top.txt', path.join(root, 'a', 'linked-file'));
  fs.symlinkSync(root, path.join(root, 'loop'));
});

afterAll(() => removeDir(tmp));

describe('treeEntries', () => {
  test('lists every depth with posix paths; links are listed and not followed', () => {
    const kinds = Object.fromEntries(treeEntries(root).map((e) => [e.path, e.entry.isSymbolicLink() ? 'link' : e.entry.isDirectory() ? 'dir' : 'file']));
    expect(kinds).toEqual({
      'top.txt': 'file',
      a: 'dir',
      'a/b': 'dir',
      'a/b/deep.txt': 'file',
      'a/linked-dir': 'link',
      'a/linked-file': 'link',
      loop: 'link',
    });
  });
});
