/**
 * The selected resource's or monitor's scripts (scripts/<group>/<resource>/, or
 * scripts/monitor.s/<monitor>/): one tab per file, the chosen one in Monaco.
 */
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { type Charset, type Project, layoutOf } from '../../../schemas/index.js';
import { scriptLanguageOf, readScript } from './script-text.js';
import { errorText } from '../../error-text.js';

const ScriptEditor = lazy(() =>
  import('../../editor/ScriptEditor.js').then((module) => ({ default: module.ScriptEditor })),
);

interface Props {
  readonly project: Project;
  /** The entity's scripts folder and the files in it. */
  readonly folder: string;
  readonly files: readonly string[];
  readonly isDark: boolean;
  /** The file shown (the first when it is not one of `files`), and a choice of another. */
  readonly chosen: string | undefined;
  onChoose(path: string): void;
  onText(path: string, text: string): void;
}

/** The tabs and the editor; nothing when the folder has no files. */
export function ScriptsPanel({ project, folder, files, isDark, chosen, onChoose, onText }: Props) {
  const { t } = useTranslation();
  const path = chosen !== undefined && files.includes(chosen) ? chosen : files[0];
  if (path === undefined) {
    return <p className="empty">{t('scripts.none', { folder: `scripts/${folder}/` })}</p>;
  }
  const script = readScript(project, path);
  const name = (file: string) => file.slice(folder.length + 1);
  return (
    <section className="scripts" aria-label={t('scripts.title')}>
      <div role="tablist" className="tabs script-tabs" aria-label={t('scripts.title')}>
        {files.map((file) => (
          <button
            key={file}
            type="button"
            role="tab"
            aria-selected={file === path}
            onClick={() => onChoose(file)}
          >
            {name(file)}
          </button>
        ))}
      </div>
      {script.ok ? (
        <ScriptFormat bytes={project.scripts.get(path)!.bytes} charset={script.value.charset} />
      ) : null}
      {script.ok ? (
        <Suspense fallback={<p className="empty">…</p>}>
          <ScriptEditor
            path={path}
            text={script.value.text}
            language={scriptLanguageOf(path, script.value.text)}
            isDark={isDark}
            label={t('scripts.editor', { name: name(path) })}
            onText={(text) => onText(path, text)}
          />
        </Suspense>
      ) : (
        <p className="warning-note" role="alert">
          {errorText(script.error)}
        </p>
      )}
    </section>
  );
}

const CHARSET_NAMES: Readonly<Record<Charset, string>> = {
  ascii: 'ASCII',
  'utf-8': 'UTF-8',
  'euc-jp': 'EUC-JP',
  shift_jis: 'Shift_JIS',
  gbk: 'GBK',
};

/**
 * How the script is saved: charset, line endings, byte-order mark. Monaco shows none of them,
 * and a script saved for the other OS fails on the servers (CF013).
 */
function ScriptFormat({ bytes, charset }: { bytes: Uint8Array; charset: Charset }) {
  const { t } = useTranslation();
  const { crlf, lf, bom } = layoutOf(bytes);
  const endings =
    crlf.count > 0 && lf.count > 0
      ? t('scripts.format.mixed', { crlf: crlf.count, lf: lf.count })
      : crlf.count > 0
        ? t('scripts.format.crlf')
        : lf.count > 0
          ? t('scripts.format.lf')
          : undefined;
  const parts = [
    CHARSET_NAMES[charset],
    endings,
    bom === 'utf-8' ? t('scripts.format.bom') : undefined,
  ];
  return (
    <p className="script-format" aria-label={t('scripts.format.label')}>
      {parts.filter((part) => part !== undefined).join(' · ')}
    </p>
  );
}
