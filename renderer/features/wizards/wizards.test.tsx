// @vitest-environment jsdom
/**
 * The wizards in jsdom with Testing Library: the New cluster wizard refuses what the core's
 * schemas and `buildTopology` refuse, field by field, and sends `project:create` what
 * `clpbuilder new` would build from; the VM scripts wizard previews the regenerated scripts
 * and applies the profile. The api is a fake (STYLE.md §9); everything else is real.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../api.js';
import { EXAMPLE_VMX, type Project } from '../../../schemas/index.js';
import { buildTopology } from '../../../templates/index.js';

const HOME = '/home/engineer';
const listed: Array<string | undefined> = [];

// The folder picker's side of the host: one folder, empty.
const fakeApi = {
  files: {
    list: async ({ path }: { path?: string }) => {
      listed.push(path);
      return {
        ok: true,
        value: { path: path ?? HOME, parent: null, isProject: false, entries: [], roots: [HOME] },
      };
    },
    recent: async () => ({ ok: true, value: { projects: [] } }),
  },
} as unknown as Api;

let NewClusterWizard: typeof import('./NewClusterWizard.js').NewClusterWizard;
let VmScriptsWizard: typeof import('./VmScriptsWizard.js').VmScriptsWizard;

beforeAll(async () => {
  window.api = fakeApi;
  const { initI18n } = await import('../../i18n.js');
  await initI18n();
  ({ NewClusterWizard } = await import('./NewClusterWizard.js'));
  ({ VmScriptsWizard } = await import('./VmScriptsWizard.js'));
});
afterEach(cleanup);

function errorOf(field: HTMLElement): string | undefined {
  const id = field
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((part) => part.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? undefined) : undefined;
}

async function toClusterStep() {
  const user = userEvent.setup();
  const created: Array<{ folder: string; options: Record<string, unknown> }> = [];
  render(
    <NewClusterWizard
      onCreate={async (folder, options) => {
        created.push({ folder, options });
        return undefined;
      }}
      onClose={() => undefined}
    />,
  );
  await user.click(screen.getByRole('radio', { name: 'Inter-host OS cluster' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  return { user, created };
}

describe('New cluster wizard', () => {
  it('offers every topology of the guide', () => {
    render(<NewClusterWizard onCreate={async () => undefined} onClose={() => undefined} />);
    expect(screen.getAllByRole('radio')).toHaveLength(9);
    expect(screen.getByRole('dialog', { name: 'New cluster' })).toBeTruthy();
  });

  it('marks empty server names and addresses, and stays on the step', async () => {
    const { user } = await toClusterStep();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const name = screen.getByLabelText('Server 1 name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(name)).toBe('must not be empty');
    expect(errorOf(screen.getByLabelText('Server 2 addresses'))).toBe('needs at least one address');
    expect(screen.getByRole('alert').textContent).toMatch(/Fix the \d+ fields marked in red/);
    expect(screen.getByLabelText('Cluster name')).toBeTruthy();
  });

  it('gives each field the schema message: an address, a datastore label in the .vmx path, a number', async () => {
    const { user } = await toClusterStep();
    await user.type(screen.getByLabelText('Server 1 name'), 'esx1');
    await user.type(screen.getByLabelText('Server 1 addresses'), '10.0.0.01');
    await user.type(screen.getByLabelText('Server 2 name'), 'esx2');
    await user.type(screen.getByLabelText('Server 2 addresses'), '10.0.0.2');
    await user.type(
      screen.getByLabelText('VM configuration file (.vmx)'),
      '/vmfs/volumes/datastore1/vm1/vm1.vmx',
    );
    await user.type(screen.getByLabelText('State checks'), 'many');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(errorOf(screen.getByLabelText('Server 1 addresses'))).toMatch(/no leading zeros/);
    expect(errorOf(screen.getByLabelText('Server 2 addresses'))).toBeUndefined();
    expect(errorOf(screen.getByLabelText('VM configuration file (.vmx)'))).toMatch(
      /names the datastore "datastore1"; use its UUID/,
    );
    expect(screen.getByLabelText('State checks').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the .vmx when the topology needs it, as clpbuilder new does', async () => {
    const { user } = await toClusterStep();
    await user.type(screen.getByLabelText('Server 1 name'), 'esx1');
    await user.type(screen.getByLabelText('Server 1 addresses'), '10.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Remove server 2' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(errorOf(screen.getByLabelText('VM configuration file (.vmx)'))).toMatch(
      /^vmProfile\.vmx is needed to generate vmpower\.start\.pl/,
    );
  });

  it('sends project:create the options buildTopology accepts, and a folder from the picker', async () => {
    const { user, created } = await toClusterStep();
    const name = screen.getByLabelText('Cluster name');
    await user.clear(name);
    await user.type(name, 'vmcluster');
    await user.type(screen.getByLabelText('Server 1 name'), 'esx1');
    await user.type(screen.getByLabelText('Server 1 addresses'), '10.0.0.1, 192.168.0.1');
    await user.type(screen.getByLabelText('Server 2 name'), 'esx2');
    await user.type(screen.getByLabelText('Server 2 addresses'), '10.0.0.2 192.168.0.2');
    await user.type(screen.getByLabelText('VM configuration file (.vmx)'), EXAMPLE_VMX);
    await user.type(screen.getByLabelText('Start check interval (s)'), '2');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await screen.findByText(HOME);
    const folderName = screen.getByLabelText('New folder name') as HTMLInputElement;
    expect(folderName.value).toBe('vmcluster');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(created).toHaveLength(1);
    expect(created[0]?.folder).toBe(`${HOME}/vmcluster`);
    const options = created[0]?.options ?? {};
    expect(options['servers']).toEqual([
      { name: 'esx1', addresses: ['10.0.0.1', '192.168.0.1'] },
      { name: 'esx2', addresses: ['10.0.0.2', '192.168.0.2'] },
    ]);
    expect(options['profile']).toEqual({ vmx: EXAMPLE_VMX, checkInterval: 2 });
    const built = buildTopology(options);
    expect(built.ok && built.value[0]?.project.meta.topology).toBe('inter-host');
  });
});

function wizardProject(): Project {
  const built = buildTopology({
    topology: 'inter-host',
    servers: [{ name: 'esx1', addresses: ['10.0.0.1'] }],
    profile: { vmx: EXAMPLE_VMX },
  });
  if (!built.ok || !built.value[0]) {
    throw new Error('the wizard did not build');
  }
  return built.value[0].project;
}

describe('VM scripts wizard', () => {
  it('previews the regenerated scripts as a diff and applies the edited profile', async () => {
    const user = userEvent.setup();
    const applied: Array<[Record<string, unknown>, boolean]> = [];
    const project = wizardProject();
    render(
      <VmScriptsWizard
        project={project}
        onApply={(vmProfile, force) => applied.push([vmProfile, force])}
        onClose={() => undefined}
      />,
    );
    const preview = screen.getByRole('region', { name: 'Changes to the scripts' });
    expect(within(preview).getByText('The scripts already match this profile.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    const vmwareCmd = screen.getByLabelText('vmware-cmd path');
    await user.clear(vmwareCmd);
    await user.type(vmwareCmd, '/opt/vmware/bin/vmware-cmd');
    expect(within(preview).getByText('scripts/failover-vm/exec-vm/start.sh')).toBeTruthy();
    expect(preview.textContent).toContain('+');
    expect(preview.textContent).toContain('/opt/vmware/bin/vmware-cmd');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(applied).toEqual([
      [{ ...project.meta.vmProfile, vmwareCmd: '/opt/vmware/bin/vmware-cmd' }, false],
    ]);
  });

  it('refuses an invalid ESX address with the schema message and keeps Apply off', async () => {
    const user = userEvent.setup();
    render(
      <VmScriptsWizard
        project={wizardProject()}
        onApply={() => undefined}
        onClose={() => undefined}
      />,
    );
    const field = screen.getByLabelText('ESX host addresses');
    await user.clear(field);
    await user.type(field, '10.0.0.1, 300.1.1.1');
    expect(errorOf(field)).toMatch(/must be an IPv4 address/);
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
