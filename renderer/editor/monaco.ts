/**
 * Monaco, bundled with the app (no CDN: the CSP allows nothing remote): the editor core, XML,
 * shell, Perl and batch highlighting, and its one worker through Vite's `?worker` import.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/perl/register';
import 'monaco-editor/languages/definitions/bat/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
