/**
 * A modal dialog shell: role=dialog, aria-modal, labelled by its title, focus on the first
 * field when it opens, Tab kept inside, Escape closes (unless a call is running).
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  readonly title: string;
  /** While true, Escape and the close button do nothing: a call is running. */
  readonly busy: boolean;
  readonly closeLabel: string;
  onClose(): void;
  readonly children: ReactNode;
}

const FOCUSABLE = 'button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The dialog frame; children are its body. */
export function Dialog({ title, busy, closeLabel, onClose, children }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus the first field (not the close button): the user came here to fill it in.
    const first = ref.current?.querySelector<HTMLElement>('.dialog-body ' + FOCUSABLE);
    first?.focus();
  }, []);
  useEffect(() => {
    // On the document, not the dialog: focus may sit on <body> after a button it held disappears.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) {
        onClose();
      }
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [busy, onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Tab') {
      keepFocusInside(event, ref.current);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose} disabled={busy} aria-label={closeLabel}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** Wraps Tab from the last focusable element to the first, and Shift+Tab the other way. */
function keepFocusInside(event: React.KeyboardEvent, dialog: HTMLElement | null): void {
  const items = Array.from(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).filter(
    (item) => !(item as HTMLButtonElement).disabled,
  );
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    return;
  }
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
