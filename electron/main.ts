/**
 * The desktop shell: one window, secured, wired to the IPC contract. Nothing else lives here,
 * so that nothing untested hides in it (DESIGN.md: Electron cannot run on the build machines).
 */
import {
  BrowserWindow,
  Menu,
  type MenuItemConstructorOptions,
  app,
  ipcMain,
  safeStorage,
  session,
} from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contract } from './contract.js';
import { createHandlers } from './handlers.js';
import { dispatch } from './ipc.js';
import { type MenuItemSpec, menuTemplate } from './menu.js';
import { isTrustedSender } from './sender.js';
import { keychainSecretStore } from './services/hosts/secret-store.js';

// dist/electron/main.cjs → dist/renderer/index.html (built by build/build-renderer.mjs).
const rendererFile = join(__dirname, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererFile).href;

const handlers = createHandlers({
  name: app.getName(),
  version: app.getVersion(),
  initialProject: projectArgument(),
  // Remembered SSH passwords: encrypted by the OS keychain, never in a project.
  secrets: keychainSecretStore(join(app.getPath('userData'), 'ssh-passwords.json'), safeStorage),
});

/** `electron . <project>`: the first plain argument after the app's own path. */
function projectArgument(): string | undefined {
  const argument = process.argv.slice(2).find((value) => !value.startsWith('-'));
  return argument === undefined ? undefined : resolve(argument);
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // No navigation away from the app and no new windows (Electron security checklist).
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(rendererFile);
}

/** The menu bar; each command goes to the focused window, which carries it out. */
function installMenu(): void {
  const template = menuTemplate({
    locale: app.getLocale(),
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(electronItem)));
}

function electronItem(spec: MenuItemSpec): MenuItemConstructorOptions {
  const { id, submenu, role, ...rest } = spec;
  return {
    ...rest,
    ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
    ...(submenu ? { submenu: submenu.map(electronItem) } : {}),
    ...(id
      ? { click: () => BrowserWindow.getFocusedWindow()?.webContents.send('menu:command', id) }
      : {}),
  };
}

function registerContract(): void {
  for (const name of Object.keys(contract)) {
    ipcMain.handle(name, (event, ...args: unknown[]) => {
      // Only our own page may call: a frame from anywhere else is refused.
      if (!isTrustedSender(event.senderFrame, rendererUrl)) {
        return { ok: false, error: { kind: 'usage', message: 'refused: unknown sender' } };
      }
      return dispatch(name, args, handlers);
    });
  }
}

app.on('web-contents-created', (_event, contents) =>
  contents.on('will-attach-webview', (event) => event.preventDefault()),
);
void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  registerContract();
  installMenu();
  createWindow();
});
app.on('window-all-closed', () => app.quit());
