/**
 * The desktop app's menu bar: File, Edit, Cluster, View, Help.
 *
 * The menu only names commands; the window carries them out (`menu:command` → the renderer's
 * handlers), so the menu, the toolbar and the keyboard run the same code. Shortcuts are shown
 * but not registered here: the window's own keyboard handling owns them, which lets Monaco
 * and text fields keep Ctrl+Z for their own undo.
 */

/** Every command the menu can send to the window. */
export const MENU_COMMANDS = [
  'file:new',
  'file:open-folder',
  'file:open-zip',
  'file:save',
  'file:save-as',
  'file:export-zip',
  'file:vm-scripts',
  'hosts:upload',
  'hosts:download',
  'edit:undo',
  'edit:redo',
  'entity:add',
  'entity:rename',
  'entity:duplicate',
  'entity:remove',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Whether a value from the other side of IPC is one of our commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The subset of Electron's MenuItemConstructorOptions this menu uses (kept Electron-free). */
export interface MenuItemSpec {
  readonly id?: MenuCommand;
  readonly label?: string;
  readonly role?: string;
  readonly type?: 'separator' | 'submenu';
  readonly accelerator?: string;
  readonly registerAccelerator?: boolean;
  readonly submenu?: readonly MenuItemSpec[];
}

type Labels = Readonly<Record<MenuCommand | MenuTitle, string>>;
type MenuTitle = 'menu:file' | 'menu:edit' | 'menu:cluster' | 'menu:view' | 'menu:help';

const ENGLISH: Labels = {
  'menu:file': '&File',
  'menu:edit': '&Edit',
  'menu:cluster': '&Cluster',
  'menu:view': '&View',
  'menu:help': '&Help',
  'file:new': 'New Cluster…',
  'file:open-folder': 'Open Folder…',
  'file:open-zip': 'Open Zip…',
  'file:save': 'Save',
  'file:save-as': 'Save As…',
  'file:export-zip': 'Export Zip…',
  'file:vm-scripts': 'VM Scripts…',
  'hosts:upload': 'Upload to Cluster…',
  'hosts:download': 'Download from Host…',
  'edit:undo': 'Undo',
  'edit:redo': 'Redo',
  'entity:add': 'Add…',
  'entity:rename': 'Rename…',
  'entity:duplicate': 'Duplicate…',
  'entity:remove': 'Remove',
};

const JAPANESE: Labels = {
  'menu:file': 'ファイル(&F)',
  'menu:edit': '編集(&E)',
  'menu:cluster': 'クラスタ(&C)',
  'menu:view': '表示(&V)',
  'menu:help': 'ヘルプ(&H)',
  'file:new': '新規クラスタ…',
  'file:open-folder': 'フォルダを開く…',
  'file:open-zip': 'Zip を開く…',
  'file:save': '保存',
  'file:save-as': '名前を付けて保存…',
  'file:export-zip': 'Zip にエクスポート…',
  'file:vm-scripts': 'VM スクリプト…',
  'hosts:upload': 'クラスタへアップロード…',
  'hosts:download': 'ホストからダウンロード…',
  'edit:undo': '元に戻す',
  'edit:redo': 'やり直し',
  'entity:add': '追加…',
  'entity:rename': '名前の変更…',
  'entity:duplicate': '複製…',
  'entity:remove': '削除',
};

const SHORTCUTS: Partial<Record<MenuCommand, string>> = {
  'file:save': 'CmdOrCtrl+S',
  'edit:undo': 'CmdOrCtrl+Z',
  'edit:redo': 'CmdOrCtrl+Shift+Z',
  'entity:add': 'Insert',
  'entity:rename': 'F2',
  'entity:duplicate': 'CmdOrCtrl+D',
  'entity:remove': 'Delete',
};

/** The menu in the user's language (`ja…` locales get Japanese); macOS gets its app menu. */
export function menuTemplate(options: {
  readonly locale: string;
  readonly isMac: boolean;
  readonly isPackaged: boolean;
}): MenuItemSpec[] {
  const labels = options.locale.toLowerCase().startsWith('ja') ? JAPANESE : ENGLISH;
  const item = (id: MenuCommand): MenuItemSpec => {
    const accelerator = SHORTCUTS[id];
    return {
      id,
      label: labels[id],
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    };
  };
  const separator: MenuItemSpec = { type: 'separator' };
  const file: MenuItemSpec[] = [
    item('file:new'),
    item('file:open-folder'),
    item('file:open-zip'),
    separator,
    item('file:save'),
    item('file:save-as'),
    item('file:export-zip'),
    separator,
    ...(options.isMac ? [] : [{ role: 'quit' }]),
  ];
  const edit: MenuItemSpec[] = [
    item('edit:undo'),
    item('edit:redo'),
    separator,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ];
  const cluster: MenuItemSpec[] = [
    item('entity:add'),
    item('entity:rename'),
    item('entity:duplicate'),
    item('entity:remove'),
    separator,
    item('file:vm-scripts'),
    separator,
    item('hosts:upload'),
    item('hosts:download'),
  ];
  const view: MenuItemSpec[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    separator,
    { role: 'togglefullscreen' },
    // Developer tools only in a development build: a packaged app hides its internals.
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' }]),
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' }] : []),
    { label: labels['menu:file'], submenu: file },
    { label: labels['menu:edit'], submenu: edit },
    { label: labels['menu:cluster'], submenu: cluster },
    { label: labels['menu:view'], submenu: view },
    { label: labels['menu:help'], role: 'help', submenu: [{ role: 'about' }] },
  ];
}

/** The command ids a template sends (tests check every one is handled by the window). */
export function commandsIn(template: readonly MenuItemSpec[]): MenuCommand[] {
  return template.flatMap((entry) => [
    ...(entry.id ? [entry.id] : []),
    ...commandsIn(entry.submenu ?? []),
  ]);
}
