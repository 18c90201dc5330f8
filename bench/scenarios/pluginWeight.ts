/** 5. The production plugin bundles' weight, split into our code, Firebase and the UI library: the agents' bundle, and the views bundle only supervisors and admins load. */
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

export async function benchPluginWeight(): Promise<SizeReport & { readonly views: SizeReport }> {
  if (!existsSync(join(REPO_ROOT, 'plugin', 'dist', 'plugin-interaction-history-views.js'))) {
    execFileSync('npm', ['run', 'build', '--workspace', 'plugin'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const { measureBundle, measureViewsBundle } = (await import(join(REPO_ROOT, 'plugin', 'scripts', 'report-size.mjs'))) as {
    measureBundle: () => SizeReport;
    measureViewsBundle: () => SizeReport;
  };
  return { ...measureBundle(), views: measureViewsBundle() };
}
