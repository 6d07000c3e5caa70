/**
 * The File menu: New, Open folder, Open zip, Save, Save As, Export zip, the VM scripts
 * wizard, and recent projects. A menu button (WAI-ARIA menu pattern): arrows move, Escape
 * closes and gives focus back to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileActions } from './file-commands.js';
import type { RecentProject } from './use-recent-projects.js';

interface Props {
  readonly actions: FileActions;
  readonly recent: readonly RecentProject[];
  /** Save needs edits; Save As, Export and VM scripts need an open project. */
  readonly hasProject: boolean;
  readonly isDirty: boolean;
}

/** The menu button and its menu. */
export function FileMenu({ actions, recent, hasProject, isDirty }: Props) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (isOpen) {
      menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    }
  }, [isOpen]);

  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const items: Array<[string, () => void, boolean]> = [
    [t('files.new'), actions.newCluster, true],
    [t('files.openFolder'), actions.openFolder, true],
    [t('files.openZip'), actions.openZip, true],
    [t('files.save'), actions.save, hasProject && isDirty],
    [t('files.saveAs'), actions.saveAs, hasProject],
    [t('files.exportZip'), actions.exportZip, hasProject],
    [t('files.vmScripts'), actions.vmScripts, hasProject],
  ];

  const onKeyDown = (event: React.KeyboardEvent) => {
    const all = Array.from(
      menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [],
    );
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : all.length - 1;
      all[(at + step) % all.length]?.focus();
    }
  };

  return (
    <div className="file-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        {t('files.menu')}
      </button>
      {isOpen ? (
        <div
          ref={menu}
          role="menu"
          aria-label={t('files.menu')}
          className="menu"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!menu.current?.contains(event.relatedTarget as Node | null)) {
              setOpen(false);
            }
          }}
        >
          {items.map(([label, action, isEnabled]) => (
            <button
              key={label}
              type="button"
              role="menuitem"
              disabled={!isEnabled}
              onClick={run(action)}
            >
              {label}
            </button>
          ))}
          <div role="separator" />
          <div className="menu-heading" role="presentation">
            {t('files.recent')}
          </div>
          {recent.length === 0 ? (
            <div className="menu-empty" role="presentation">
              {t('files.noRecent')}
            </div>
          ) : null}
          {recent.map((project) => (
            <button
              key={project.path}
              type="button"
              role="menuitem"
              title={project.path}
              onClick={run(() => actions.openRecent(project.path))}
            >
              {project.path}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
