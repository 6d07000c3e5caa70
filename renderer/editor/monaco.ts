/**
 * Monaco, bundled with the app (no CDN: the CSP allows nothing remote): the editor core, XML,
 * shell, Perl and batch highlighting, the usual editing features, and its one worker through
 * Vite's `?worker` import.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/perl/register';
import 'monaco-editor/languages/definitions/bat/register';
// The editing features an engineer expects, without the whole of editor.main (every language
// and the LSP client): find/replace, folding, bracket matching, comments, the context menu,
// clipboard, hovers on problem markers, multi-cursor, word highlight, line moves, F8 to errors.
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** The options every editor of the app opens with. */
export const EDITOR_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
} as const;

export { monaco };
