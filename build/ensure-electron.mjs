// `npm start` on a desktop: fetch the Electron binary with Electron's own installer the first
// time. `npm install` never runs it (package.json allowScripts), so installing works on
// machines that cannot reach Electron's download host; only the desktop window needs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed =
  existsSync(pathFile) &&
  existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (!installed) {
  console.log('Fetching the Electron binary (first start only)...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (result.status !== 0) {
    console.error(
      'Could not fetch Electron. Without it, use the command line: npx clpbuilder --help',
    );
    process.exit(result.status ?? 1);
  }
}
