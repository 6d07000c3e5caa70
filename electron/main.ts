/**
 * The desktop shell: one window, secured, wired to the IPC contract. Nothing else lives here,
 * so that nothing untested hides in it (DESIGN.md: Electron cannot run on the build machines).
 */
import { BrowserWindow, app, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { contract } from './contract.js';
import { type Handlers, dispatch } from './ipc.js';
import { openProject } from './services/project-folder.js';
import { summarize } from './services/summary.js';

const rendererFile = join(__dirname, '../../renderer/index.html');

const handlers: Handlers = {
  'app:info': async () => ({ ok: true, value: { name: app.getName(), version: app.getVersion() } }),
  'project:show': async (path) => {
    const opened = await openProject(path);
    return opened.ok ? { ok: true, value: summarize(opened.value.project) } : opened;
  },
};

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

function registerContract(): void {
  for (const name of Object.keys(contract)) {
    ipcMain.handle(name, (event, ...args: unknown[]) => {
      // Only our own page may call: a frame from anywhere else is refused.
      if (!event.senderFrame || !event.senderFrame.url.startsWith('file://')) {
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
  createWindow();
});
app.on('window-all-closed', () => app.quit());
