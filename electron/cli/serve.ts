/**
 * `clpbuilder serve [<project>] [--port <n>]`: the Builder in a browser (reference/cli.md,
 * "Browser host").
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json';
import { createHandlers } from '../handlers.js';
import { startBrowserHost } from '../serve.js';
import { EXIT, type ExitCode, printMessage, reportError } from './output.js';
import { open } from './project-access.js';
import { runService } from './run.js';

interface ServeOptions {
  readonly port?: string;
}

/** Registers `serve`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the Builder to a browser on 127.0.0.1, with a per-launch token')
    .argument('[project]', 'project folder, bare clp.conf or .zip export to open')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .addHelpText(
      'after',
      '\nPrints one line, "Cluster Builder at http://127.0.0.1:<port>/?token=<token>"; open it.\nRuns until interrupted. Exit codes: 2 the project cannot be read or the port is taken.',
    )
    .action(
      runService((project: string | undefined, options: ServeOptions) => serve(project, options)),
    );
}

// dist/cli.js sits beside dist/renderer/ (both made by `npm run build`).
const rendererRoot = fileURLToPath(new URL('./renderer/', import.meta.url));

async function serve(project: string | undefined, options: ServeOptions): Promise<ExitCode> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printMessage(`--port ${options.port}: give a port number between 1 and 65535`);
    return EXIT.trouble;
  }
  if (!existsSync(resolve(rendererRoot, 'index.html'))) {
    printMessage(`${rendererRoot} has no built renderer; run npm run build first`);
    return EXIT.trouble;
  }
  // Open once up front so that a wrong path is reported here, not later in the page.
  const initialProject = project === undefined ? undefined : resolve(project);
  if (initialProject !== undefined) {
    const opened = await open(initialProject);
    if (!opened.ok) {
      return reportError(opened.error, {});
    }
  }
  const handlers = createHandlers({
    name: 'Cluster Builder',
    version: packageJson.version,
    initialProject,
  });
  let host;
  try {
    host = await startBrowserHost({ rendererRoot, handlers, port });
  } catch (caught) {
    // EADDRINUSE, EACCES: expected failures of a chosen port, said in the user's terms.
    printMessage(`cannot listen on 127.0.0.1:${port}: ${(caught as Error).message}`);
    return EXIT.trouble;
  }
  process.stdout.write(`Cluster Builder at ${host.url}\n`);
  const stop = () => void host.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return EXIT.success;
}
