/**
 * The VM scripts wizard's command: a new profile regenerates the scripts in one undoable
 * edit; the preview is the same computation as a diff; hand edits are kept unless forced.
 */
import { describe, expect, it } from 'vitest';
import { type Project } from '../../schemas/index.js';
import { EXAMPLE_VMX } from '../../schemas/vm-profile.js';
import { buildTopology } from '../../templates/index.js';
import { editorReducer, initialEditorState, isDirty } from './editor-state.js';
import { previewVmProfile } from './vm-profile-edit.js';

const START_SCRIPT = 'failover-vm/exec-vm/start.sh';

function wizardProject(): Project {
  const built = buildTopology({
    topology: 'inter-host',
    servers: [
      { name: 'esx1', addresses: ['10.0.0.1'] },
      { name: 'esx2', addresses: ['10.0.0.2'] },
    ],
    profile: { vmx: EXAMPLE_VMX },
  });
  if (!built.ok || !built.value[0]) {
    throw new Error('the wizard did not build');
  }
  return built.value[0].project;
}

function text(project: Project, path: string): string {
  return new TextDecoder().decode(project.scripts.get(path)?.bytes);
}

describe('apply-vm-profile', () => {
  it('puts the profile in project.json and regenerates the scripts, undoably', () => {
    const start = initialEditorState(wizardProject());
    const vmProfile = { ...start.project.meta.vmProfile, vmwareCmd: '/opt/vmware/bin/vmware-cmd' };
    const preview = previewVmProfile(start.project, vmProfile);
    expect(preview.ok).toBe(true);
    const changed = preview.ok ? preview.value.map((difference) => difference.path) : [];
    expect(changed).toContain(START_SCRIPT);
    expect(
      preview.ok && preview.value.find((d) => d.path === START_SCRIPT)?.hunks.join('\n'),
    ).toContain('+');

    const applied = editorReducer(start, { type: 'apply-vm-profile', vmProfile, force: false });
    expect(applied.project.meta.vmProfile?.['vmwareCmd']).toBe('/opt/vmware/bin/vmware-cmd');
    expect(text(applied.project, START_SCRIPT)).toContain('/opt/vmware/bin/vmware-cmd');
    expect(text(start.project, START_SCRIPT)).not.toContain('/opt/vmware/bin/vmware-cmd');
    expect(applied.past).toHaveLength(1);
    expect(isDirty(applied)).toBe(true);
    expect(editorReducer(applied, { type: 'undo' }).project).toBe(start.project);
  });

  it('refuses an invalid profile, naming the field, and keeps the project', () => {
    const start = initialEditorState(wizardProject());
    const refused = editorReducer(start, {
      type: 'apply-vm-profile',
      vmProfile: { ...start.project.meta.vmProfile, vmx: '/tmp/vm1.vmx' },
      force: false,
    });
    expect(refused.project).toBe(start.project);
    expect(refused.refusal).toMatch(/^vmProfile\.vmx: /);
  });

  it('keeps a script edited by hand unless the user forces the overwrite', () => {
    const project = wizardProject();
    const edited: Project = {
      ...project,
      scripts: new Map(project.scripts).set(START_SCRIPT, {
        bytes: new TextEncoder().encode(`${text(project, START_SCRIPT)}# my change\n`),
        executable: true,
      }),
    };
    const vmProfile = { ...project.meta.vmProfile, maxChecks: 50 };
    const refused = previewVmProfile(edited, vmProfile);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain(`scripts/${START_SCRIPT}`);
    const forced = editorReducer(initialEditorState(edited), {
      type: 'apply-vm-profile',
      vmProfile,
      force: true,
    });
    expect(text(forced.project, START_SCRIPT)).not.toContain('# my change');
  });
});
