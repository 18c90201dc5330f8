/** 5. The production plugin bundle's weight, split into our code, Firebase and the UI library. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../local-stack/localStack.js';

interface SizeReport {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  readonly budgetGzipBytes: number;
  readonly groups: readonly { group: string; minifiedBytes: number; gzipBytes: number }[];
}

export async function benchPluginWeight(): Promise<SizeReport> {
  if (!existsSync(join(REPO_ROOT, 'plugin', 'dist', 'plugin-interaction-history.js'))) {
    execFileSync('npm', ['run', 'build', '--workspace', 'plugin'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const { measureBundle } = (await import(join(REPO_ROOT, 'plugin', 'scripts', 'report-size.mjs'))) as { measureBundle: () => SizeReport };
  return measureBundle();
}
