import { describe, expect, it } from 'vitest';
import {
  MENU_COMMANDS,
  type MenuItemSpec,
  commandsIn,
  isMenuCommand,
  menuTemplate,
} from './menu.js';

const flatten = (items: readonly MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

describe('menuTemplate', () => {
  it('offers every command exactly once, in English and in Japanese', () => {
    for (const locale of ['en-US', 'ja']) {
      const commands = commandsIn(menuTemplate({ locale, isMac: false, isPackaged: true }));
      expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
    }
    const label = (locale: string) =>
      flatten(menuTemplate({ locale, isMac: false, isPackaged: true })).find(
        (item) => item.id === 'hosts:upload',
      )?.label;
    expect(label('en-GB')).toBe('Upload to Cluster…');
    expect(label('ja-JP')).toBe('クラスタへアップロード…');
  });

  it('shows shortcuts without registering them, so Monaco keeps its own Ctrl+Z', () => {
    const items = flatten(menuTemplate({ locale: 'en', isMac: false, isPackaged: true }));
    const withShortcut = items.filter((item) => item.accelerator);
    expect(withShortcut.map((item) => item.id)).toContain('edit:undo');
    expect(withShortcut.every((item) => item.registerAccelerator === false)).toBe(true);
  });

  it('keeps developer tools out of a packaged app, and follows macOS conventions', () => {
    const roles = (isMac: boolean, isPackaged: boolean) =>
      flatten(menuTemplate({ locale: 'en', isMac, isPackaged })).map((item) => item.role);
    expect(roles(false, true)).not.toContain('toggleDevTools');
    expect(roles(false, false)).toContain('toggleDevTools');
    expect(roles(true, true)).toContain('appMenu');
    expect(roles(true, true)).not.toContain('quit');
    expect(roles(false, true)).toContain('quit');
  });
});

describe('isMenuCommand', () => {
  it('accepts only the commands the menu sends', () => {
    expect(isMenuCommand('file:save')).toBe(true);
    expect(isMenuCommand('file:delete-everything')).toBe(false);
    expect(isMenuCommand({ toString: () => 'file:save' })).toBe(false);
  });
});
