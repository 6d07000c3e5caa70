/**
 * The property form's rows: a parameter as a choice of meanings or as text, each with its
 * problem and the rules' findings under it.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, checkParameterValue, unitOf } from '../../../schemas/index.js';
import type { ChoiceField } from './entity-view.js';
import { findingText, parameterProblemText } from '../problems/finding-text.js';

/** The select's value for "the product's default" (no real choice is empty). */
const DEFAULT_CHOICE = '';

export interface RowProps {
  readonly path: string;
  readonly value: string | undefined;
  readonly findings: readonly Finding[];
  onSet(path: string, value: string): void;
  onRemove(path: string): void;
}

/** What is wrong with `value` for the parameter at `path`, in the UI language; undefined if nothing. */
export function valueProblemOf(path: string, value: string): string | undefined {
  const checked = checkParameterValue(path, value);
  return checked.ok
    ? undefined
    : parameterProblemText(checked.error.message).replace(`${path}: `, '');
}

/** Beyond this many, a select renders only its current option until it is used. */
const LAZY_OPTIONS = 200;

/**
 * The options a select renders: all, or for a long list (a target among every resource of a
 * large cluster) only the current one until the select is focused or pressed. Rendering
 * 10,000 options on every selection made selecting a monitor take 400 ms instead of 70.
 */
export function useShownOptions<T extends readonly [string, ...unknown[]]>(
  options: readonly T[],
  value: string | undefined,
): { shown: readonly T[]; expand: (() => void) | undefined } {
  const [expanded, setExpanded] = useState(false);
  const lazy = options.length > LAZY_OPTIONS && !expanded;
  return {
    shown: lazy ? options.filter(([option]) => option === value) : options,
    expand: lazy ? () => setExpanded(true) : undefined,
  };
}

export const ChoiceRow = memo(function ChoiceRow({
  field,
  path,
  value,
  findings,
  onSet,
  onRemove,
}: RowProps & { field: ChoiceField }) {
  const { t } = useTranslation();
  const id = `field-${path}`;
  const known = value === undefined || field.options.some(([option]) => option === value);
  const { shown, expand } = useShownOptions(field.options, value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(field.label)}</label>
      <select
        id={id}
        data-path={path}
        value={value ?? DEFAULT_CHOICE}
        onFocus={expand}
        onMouseDown={expand}
        onChange={(event) =>
          event.target.value === DEFAULT_CHOICE ? onRemove(path) : onSet(path, event.target.value)
        }
      >
        {/* The product's default: no element, so choosing it removes the parameter. */}
        <option value={DEFAULT_CHOICE}>{t(field.absent ?? 'option.default')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {shown.map(([option, meaning, fallback]) => {
          const text =
            meaning === ''
              ? (fallback ?? option)
              : t(meaning, { defaultValue: fallback ?? meaning });
          return (
            <option key={option} value={option}>
              {text === option ? option : `${text} (${option})`}
            </option>
          );
        })}
      </select>
      <FieldFindings findings={findings} />
    </div>
  );
});

export const TextRow = memo(function TextRow({
  label,
  path,
  value,
  findings,
  onSet,
  onRemove,
}: RowProps & { label: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  const unit = unitOf(path);
  const error = valueProblemOf(path, draft);
  const id = `field-${path}`;
  const commit = () => {
    if (error === undefined && draft !== value) {
      onSet(path, draft);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-path={path}
        value={draft}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
          }
        }}
      />
      {unit ? (
        <span className="unit" title={t(`units.${unit}`)}>
          {unit}
        </span>
      ) : null}
      {/* Keyed entries (members, startup servers) are references, edited by their own commands. */}
      {label.includes('@') ? null : (
        <button
          type="button"
          className="remove-parameter"
          aria-label={t('properties.remove', { key: label })}
          title={t('properties.remove', { key: label })}
          onClick={() => onRemove(path)}
        >
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} problem={error} />
      <FieldFindings findings={findings} />
    </div>
  );
});

/** A field's problem under it, announced as it appears. */
export function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem ? (
    <p className="field-error" id={id} role="alert">
      {problem}
    </p>
  ) : null;
}

/** The findings about a field (or, in the form's head, the entity): each with what to do. */
export function FieldFindings({ findings }: { readonly findings: readonly Finding[] }) {
  return findings.map((finding) => {
    const { message, fix } = findingText(finding);
    return (
      <p
        key={`${finding.rule}-${finding.message}`}
        className={`field-finding sev-${finding.severity}`}
      >
        {finding.rule}: {message}
        <span className="finding-fix">{fix}</span>
      </p>
    );
  });
}
