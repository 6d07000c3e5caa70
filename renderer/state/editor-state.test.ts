/**
 * The editing state without React: commands, refusals, undo/redo, dirtiness, and the base64
 * files that cross the contract.
 */
import { describe, expect, it } from 'vitest';
import {
  checkProject,
  encodeClpConf,
  getParameter,
  serializeClpConf,
} from '../../schemas/index.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import { type EditorState, editorReducer, initialEditorState, isDirty } from './editor-state.js';
import { filesFromProject, projectFromFiles } from './project-files.js';

const METHOD = 'monitor/userw@userw/parameters/method';
const INTERVAL = 'monitor/userw@userw/polling/interval';

function valueOf(state: EditorState, path: string) {
  const value = getParameter(state.project.conf, path);
  return value.ok ? value.value : undefined;
}

describe('editorReducer', () => {
  it('applies a parameter edit, and undo/redo walk it back and forth', () => {
    const start = initialEditorState(interHostProject());
    const edited = editorReducer(start, { type: 'set-parameter', path: INTERVAL, value: '30' });
    expect(valueOf(edited, INTERVAL)).toBe('30');
    expect(isDirty(edited)).toBe(true);
    const undone = editorReducer(edited, { type: 'undo' });
    expect(valueOf(undone, INTERVAL)).toBe('60');
    expect(undone.project).toBe(start.project);
    expect(isDirty(undone)).toBe(false);
    const redone = editorReducer(undone, { type: 'redo' });
    expect(valueOf(redone, INTERVAL)).toBe('30');
    expect(editorReducer(redone, { type: 'redo' })).toBe(redone);
  });

  it('refuses an out-of-range value and keeps the project and history', () => {
    const start = initialEditorState(interHostProject());
    const refused = editorReducer(start, { type: 'set-parameter', path: INTERVAL, value: 'soon' });
    expect(refused.project).toBe(start.project);
    expect(refused.past).toEqual([]);
    expect(refused.refusal).toMatch(/whole number/);
  });

  it('a quick fix is an undoable edit that makes the finding go', () => {
    const broken = editorReducer(initialEditorState(interHostProject()), {
      type: 'set-parameter',
      path: METHOD,
      value: 'softdog',
    });
    const finding = checkProject(broken.project).find((candidate) => candidate.rule === 'VM003');
    expect(finding?.hasQuickFix).toBe(true);
    const fixed = editorReducer(broken, { type: 'apply-quick-fix', finding: finding! });
    expect(checkProject(fixed.project).some((candidate) => candidate.rule === 'VM003')).toBe(false);
    expect(valueOf(editorReducer(fixed, { type: 'undo' }), METHOD)).toBe('softdog');
  });

  it('takes raw clp.conf text when it parses, and refuses it when it does not', () => {
    const start = initialEditorState(interHostProject());
    const text = serializeClpConf(start.project.conf).replace(
      '<interval>60</interval>',
      '<interval>45</interval>',
    );
    const replaced = editorReducer(start, { type: 'replace-conf', text });
    expect(serializeClpConf(replaced.project.conf)).toBe(text);
    const broken = editorReducer(start, { type: 'replace-conf', text: '<root><cluster>' });
    expect(broken.project).toBe(start.project);
    expect(broken.refusal).toBeDefined();
  });

  it('selection and save do not enter the history; save clears the dirty marker', () => {
    const edited = editorReducer(initialEditorState(interHostProject()), {
      type: 'set-parameter',
      path: INTERVAL,
      value: '30',
    });
    const selected = editorReducer(edited, { type: 'select', path: 'monitor/userw@userw' });
    expect(selected.selection).toBe('monitor/userw@userw');
    expect(selected.past).toHaveLength(1);
    expect(isDirty(editorReducer(selected, { type: 'saved' }))).toBe(false);
  });
});

describe('project files', () => {
  it('round-trips a project through base64 with clp.conf bytes unchanged', () => {
    const project = interHostProject();
    const files = filesFromProject(project);
    expect(files.ok).toBe(true);
    const back = files.ok ? projectFromFiles(files.value) : files;
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(encodeClpConf(back.value.conf)).toEqual(encodeClpConf(project.conf));
      expect([...back.value.scripts.keys()]).toEqual([...project.scripts.keys()]);
      expect(back.value.meta).toEqual(project.meta);
    }
  });
});
