/**
 * `clpbuilder export`: writes a project to a folder or a `.zip`.
 */
import type { Command } from 'commander';
import { exportProject } from '../services/project-folder.js';
import {
  EXIT,
  type ExitCode,
  type OutputOptions,
  printJson,
  printLines,
  reportError,
} from './output.js';
import { inFile, open } from './project-access.js';
import { runAction } from './run.js';

/** Registers `export`. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write the project to a folder or a .zip (Cluster WebUI import/export layout)')
    .argument('<project>', 'project folder, bare clp.conf or .zip export')
    .argument('<dst>', 'destination folder, or a file name ending in .zip')
    .option('--json', 'print {"exported"} as one JSON document')
    .addHelpText(
      'after',
      '\nclp.conf is written byte for byte as read; scripts keep their execute bit.\nExit codes: 0 exported; 2 the project cannot be read or the destination cannot be written.',
    )
    .action(
      runAction((project: string, destination: string, options: OutputOptions) =>
        exportTo(project, destination, options),
      ),
    );
}

/** `export <project> <dst>`. */
export async function exportTo(
  projectPath: string,
  destination: string,
  options: OutputOptions,
): Promise<ExitCode> {
  const opened = await open(projectPath);
  if (!opened.ok) {
    return reportError(opened.error, options);
  }
  const exported = await exportProject(opened.value.project, destination);
  if (!exported.ok) {
    return reportError(inFile(exported.error, destination), options);
  }
  if (options.json) {
    printJson({ exported: destination });
  } else {
    printLines([`exported ${projectPath} to ${destination}`]);
  }
  return EXIT.success;
}
