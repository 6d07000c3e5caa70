/**
 * A new cluster: a minimal clp.conf, then servers, heartbeats and user-space monitoring built
 * with the core's edit operations, so that object numbers, `<types>` lists, priorities and
 * default scripts come out as every other edit keeps them.
 */
import {
  type Project,
  type ProjectMeta,
  type Result,
  addHeartbeat,
  addMonitor,
  addServer,
  compareVersions,
  decodeClpConf,
  ok,
  pipe,
  setParameter,
} from '../../schemas/index.js';
import type { WizardServer } from './options.js';

// The sections a clp.conf starts with (clpconf-format.md §2): ASCII, two-space indentation
// and LF, as the WebUI writes an English Linux cluster. `<webmgr><client><objectnumber>` is
// there so that every edit keeps it right (§10). Entities are added by the edit operations.
const SKELETON = `<?xml version="1.0" encoding="ASCII"?>
<root>
  <cluster>
    <name>cluster</name>
    <comment/>
  </cluster>
  <all>
    <charset>ASCII</charset>
    <encode>ASCII</encode>
    <serveros>linux</serveros>
  </all>
  <monitor>
  </monitor>
  <heartbeat>
  </heartbeat>
  <networkpartition>
  </networkpartition>
  <resource>
  </resource>
  <webmgr>
    <client>
      <objectnumber>4</objectnumber>
    </client>
  </webmgr>
</root>
`;

/** An empty cluster named `name` for servers running `os`, with its project.json. */
export function emptyProject(
  name: string,
  os: 'linux' | 'windows',
  meta: ProjectMeta,
): Result<Project> {
  const conf = decodeClpConf(new TextEncoder().encode(SKELETON));
  if (!conf.ok) {
    return conf; // the skeleton is ours: a failure here is a bug the tests catch
  }
  return pipe<Project>(
    { conf: conf.value, scripts: new Map(), meta },
    (project) => setParameter(project, 'cluster/name', name),
    (project) => setParameter(project, 'all/serveros', os),
  );
}

/**
 * Adds the servers in order (the first is the master, priority 0). A server's first address
 * is its LAN device 0, further ones devices 1, 2, ... (clpconf-format.md §2.5).
 */
export function addServers(project: Project, servers: readonly WizardServer[]): Result<Project> {
  let current: Result<Project> = ok(project);
  for (const server of servers) {
    const [first, ...others] = server.addresses;
    current = current.ok
      ? addServer(current.value, server.name, first ? { ip: first } : {})
      : current;
    for (const [index, address] of others.entries()) {
      const device = `server@${server.name}/device@${index + 1}`;
      current = current.ok
        ? pipe(
            current.value,
            (edited) => setParameter(edited, `${device}/type`, 'lan'),
            (edited) => setParameter(edited, `${device}/info`, address),
          )
        : current;
    }
  }
  return current;
}

/** Whether the product version on the hosts is 2.1.0-1 or earlier (guide rule VM002). */
export function isBeforeKernelHeartbeat(productVersion: string | undefined): boolean {
  return productVersion !== undefined && compareVersions(productVersion, '2.1.0-1') <= 0;
}

/**
 * One LAN heartbeat per LAN device every server has; none for a single server
 * (SingleServerSafe has no peer to beat to). Kernel-mode (`lankhb`) unless the hosts
 * run internal version 2.1.0-1 or earlier, which cannot use it on ESX (guide rule VM002).
 */
export function addLanHeartbeats(
  project: Project,
  servers: readonly WizardServer[],
  productVersion: string | undefined,
): Result<Project> {
  const shared =
    servers.length < 2 ? 0 : Math.min(...servers.map((server) => server.addresses.length));
  const kind = isBeforeKernelHeartbeat(productVersion) ? 'lanhb' : 'lankhb';
  let current: Result<Project> = ok(project);
  for (let device = 0; device < shared; device += 1) {
    current = current.ok ? addHeartbeat(current.value, kind, { device: String(device) }) : current;
  }
  return current;
}

/**
 * User-space monitoring with method keepalive, as the guide requires on an ESX host (rule
 * VM003); left out for 2.1.0-1 or earlier, which cannot use it there (VM002).
 */
export function addUserSpaceMonitor(
  project: Project,
  productVersion: string | undefined,
): Result<Project> {
  if (isBeforeKernelHeartbeat(productVersion)) {
    return ok(project);
  }
  return pipe(
    project,
    (edited) => addMonitor(edited, 'userw', 'userw'),
    (edited) => setParameter(edited, 'monitor/userw@userw/parameters/method', 'keepalive'),
  );
}
