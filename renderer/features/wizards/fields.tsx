/**
 * A labelled form field with its error under it, wired for screen readers (aria-invalid,
 * aria-describedby), as the property forms do.
 */
import { type ReactNode, useId } from 'react';
import { fieldProblemText } from './problem-text.js';

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** One row of a wizard form. */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error !== undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p className="field-error" id={errorId}>
          {fieldProblemText(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A text input in a Field. */
export function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly error?: string | undefined;
  readonly placeholder?: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(aria) => (
        <input
          {...aria}
          value={props.value}
          placeholder={props.placeholder}
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A select in a Field; options are [value, label]. */
export function SelectField<T extends string>(props: {
  readonly label: string;
  readonly value: T;
  readonly options: ReadonlyArray<readonly [T, string]>;
  readonly error?: string | undefined;
  onChange(value: T): void;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(aria) => (
        <select
          {...aria}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value as T)}
        >
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
