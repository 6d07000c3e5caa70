/**
 * Projects for the hosts tests, from a real clp.conf (mkazuyuki/hauc iSCSI cluster, Linux,
 * X 4.1.1, made by the WebUI on Windows: `<encode>SJIS</encode>`) with its scripts tree as
 * fixtures/real/SCRIPTS_LAYOUT.md records it, so that the rules find no error.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Project, defaultProjectMeta, setParameter } from '../../schemas/index.js';
import { saveProject } from '../../electron/services/project-folder.js';
import { realFixturesDir } from '../support/fixtures.js';
import { projectFrom, unwrap } from '../support/project.js';

export const ISCSI = 'mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml';

const SCRIPTS = [
  'failover-iscsi/exec-md-recovery/start.sh',
  'failover-iscsi/exec-md-recovery/stop.sh',
  'failover-iscsi/exec-target/start.sh',
  'failover-iscsi/exec-target/stop.sh',
  'monitor.s/genw-arpTable/genw.sh',
  'monitor.s/genw-md/genw.sh',
  'monitor.s/genw-remote-node/genw.sh',
];

/** The iSCSI cluster with a script in every folder its resources and monitors name. */
export function iscsiProject(
  hosts: ReadonlyArray<{ address: string; port: number }> = [],
): Project {
  const project = projectFrom(new Uint8Array(readFileSync(join(realFixturesDir, ISCSI))));
  const scripts = new Map(
    SCRIPTS.map((path) => [
      path,
      {
        bytes: new TextEncoder().encode(`#!/bin/sh\n# ${path}\nexit 0\n`),
        executable: path.endsWith('genw.sh'),
      },
    ]),
  );
  const meta = {
    ...defaultProjectMeta(),
    hosts: hosts.map((host) => ({ address: host.address, port: host.port, user: 'root' })),
  };
  return { ...project, scripts, meta };
}

/** The same cluster with one parameter and one script changed: an ordinary update. */
export function updatedProject(project: Project): Project {
  const changed = unwrap(setParameter(project, 'monitor/genw@genw-md/polling/interval', '45'));
  const scripts = new Map(changed.scripts);
  scripts.set('failover-iscsi/exec-target/start.sh', {
    bytes: new TextEncoder().encode('#!/bin/sh\n# new start\nexit 0\n'),
    executable: true,
  });
  return { ...changed, scripts };
}

/** The cluster as if made on Linux (`<encode>ASCII</encode>`): pushed with -l. */
export function linuxProject(project: Project): Project {
  return unwrap(setParameter(project, 'all/encode', 'ASCII'));
}

/** Saves a project into `folder` and returns the folder. */
export async function saveTo(folder: string, project: Project): Promise<string> {
  mkdirSync(folder, { recursive: true });
  unwrap(await saveProject(folder, project));
  return folder;
}
