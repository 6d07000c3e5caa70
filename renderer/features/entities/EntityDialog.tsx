/**
 * The Add, Rename and Duplicate dialogs. Each builds the editor command and checks it with
 * the same pure code the reducer runs (applyCommand), so a name the core would refuse shows
 * the core's message at the field before anything is applied.
 */
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterModel, EntityKind, Project } from '../../../schemas/index.js';
import { ENTITY_KINDS, serverOsOf, suggestedCopyNames } from '../../../schemas/index.js';
import { type Command, applyCommand } from '../../state/editor-state.js';
import { Dialog } from '../hosts/Dialog.js';
import { entityRefAt } from './entity-commands.js';
import { copyName, suggestedName, typesOf } from './entity-types.js';
import { errorText } from '../../error-text.js';

/** Which dialog is open and for what. */
export type EditRequest =
  | { readonly type: 'add'; readonly kind: EntityKind; readonly group?: string }
  | { readonly type: 'rename'; readonly path: string }
  | { readonly type: 'duplicate'; readonly path: string };

interface Props {
  readonly request: EditRequest;
  readonly project: Project;
  readonly model: ClusterModel;
  onApply(command: Command): void;
  onClose(): void;
}

/** The dialog a request asks for. */
export function EntityDialog(props: Props) {
  switch (props.request.type) {
    case 'add':
      return <AddForm {...props} request={props.request} />;
    case 'rename':
    case 'duplicate':
      return <NameForm {...props} request={props.request} />;
  }
}

function AddForm({
  request,
  project,
  model,
  onApply,
  onClose,
}: Props & { request: Extract<EditRequest, { type: 'add' }> }) {
  const { t } = useTranslation();
  // Only the types the cluster's OS has (CF014); the core refuses the others.
  const os = serverOsOf(model.all.serveros);
  const [kind, setKind] = useState<EntityKind>(request.kind);
  const [type, setType] = useState(typesOf(request.kind, os)[0] ?? '');
  const [group, setGroup] = useState(request.group ?? model.groups[0]?.name ?? '');
  const [name, setName] = useState(() => suggestedName(model, request.kind, type));
  const choose = (nextKind: EntityKind, nextType: string) => {
    // A suggested name follows the type; a name the user typed stays.
    if (name === suggestedName(model, kind, type)) {
      setName(suggestedName(model, nextKind, nextType));
    }
    setKind(nextKind);
    setType(nextType);
  };
  // The same command while its fields are: the form checks it once per change, not per render.
  const command: Command = useMemo(
    () => ({
      type: 'add-entity',
      entity: { kind, type, name, ...(kind === 'resource' ? { group } : {}) },
    }),
    [kind, type, name, group],
  );
  const types = typesOf(kind, os);
  return (
    <EntityForm
      title={t('entities.addTitle', { kind: t(`kind.${kind}`) })}
      submit={t('entities.add')}
      project={project}
      command={command}
      name={name}
      onName={setName}
      onApply={onApply}
      onClose={onClose}
    >
      <Field label={t('entities.kind')}>
        {(id) => (
          <select
            id={id}
            value={kind}
            onChange={(event) => {
              const next = event.target.value as EntityKind;
              choose(next, typesOf(next, os)[0] ?? '');
            }}
          >
            {ENTITY_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {types.length > 0 ? (
        <Field label={t('entities.type')}>
          {(id) => (
            <select id={id} value={type} onChange={(event) => choose(kind, event.target.value)}>
              {types.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {kind === 'resource' ? (
        <Field label={t('entities.group')}>
          {(id) => (
            <select id={id} value={group} onChange={(event) => setGroup(event.target.value)}>
              {model.groups.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </EntityForm>
  );
}

function NameForm({
  request,
  project,
  model,
  onApply,
  onClose,
}: Props & { request: Extract<EditRequest, { type: 'rename' | 'duplicate' }> }) {
  const { t } = useTranslation();
  const entity = entityRefAt(model, request.path);
  const isDuplicate = request.type === 'duplicate';
  const [name, setName] = useState(() =>
    entity && isDuplicate ? copyName(model, entity.kind, entity.name) : (entity?.name ?? ''),
  );
  const [renames, setRenames] = useState<ReadonlyArray<readonly [string, string]>>(() =>
    entity?.kind === 'group' && isDuplicate ? [...suggestedCopyNames(project, entity.name)] : [],
  );
  const command: Command = useMemo(
    () =>
      isDuplicate
        ? { type: 'duplicate-entity', path: request.path, to: name, renames }
        : { type: 'rename-entity', path: request.path, to: name },
    [isDuplicate, request.path, name, renames],
  );
  if (!entity) {
    return null;
  }
  const what = { kind: t(`kind.${entity.kind}`), name: entity.name };
  return (
    <EntityForm
      title={t(isDuplicate ? 'entities.duplicateTitle' : 'entities.renameTitle', what)}
      submit={t(isDuplicate ? 'entities.duplicateButton' : 'entities.renameButton')}
      project={project}
      command={command}
      name={name}
      isUnchanged={!isDuplicate && name === entity.name}
      isNameFirst
      onName={setName}
      onApply={onApply}
      onClose={onClose}
    >
      {renames.length > 0 ? (
        <fieldset className="rename-map">
          <legend>{t('entities.renameMap')}</legend>
          {renames.map(([from, to], index) => (
            <Field key={from} label={from}>
              {(id) => (
                <input
                  id={id}
                  value={to}
                  aria-label={t('entities.copyOf', { name: from })}
                  onChange={(event) =>
                    setRenames(
                      renames.map((pair, at) => (at === index ? [from, event.target.value] : pair)),
                    )
                  }
                />
              )}
            </Field>
          ))}
        </fieldset>
      ) : null}
    </EntityForm>
  );
}

interface FormProps {
  readonly title: string;
  readonly submit: string;
  readonly project: Project;
  readonly command: Command;
  readonly name: string;
  readonly isUnchanged?: boolean;
  /** Fields shown after the name (a group's rename map) rather than before it (kind, type). */
  readonly isNameFirst?: boolean;
  readonly children: ReactNode;
  onName(name: string): void;
  onApply(command: Command): void;
  onClose(): void;
}

/** The shared frame: extra fields, the name field with the core's verdict, the buttons. */
function EntityForm(props: FormProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const errorId = useId();
  const { project, command } = props;
  // The same check the reducer makes; cheap next to a keystroke, and never out of step.
  const verdict = useMemo(() => applyCommand(project, command), [project, command]);
  const error = verdict.ok ? undefined : errorText(verdict.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!error && !props.isUnchanged) {
      props.onApply(command);
    }
  };
  return (
    <Dialog title={props.title} busy={false} closeLabel={t('hosts.close')} onClose={props.onClose}>
      <form className="entity-form" onSubmit={onSubmit}>
        {props.isNameFirst ? null : props.children}
        <div className="field">
          <label htmlFor={nameId}>{t('entities.name')}</label>
          <input
            id={nameId}
            value={props.name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => props.onName(event.target.value)}
            // Renaming usually replaces the whole name: start with it selected.
            onFocus={(event) => event.target.select()}
          />
        </div>
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {props.isNameFirst ? props.children : null}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('entities.cancel')}
          </button>
          <button type="submit" className="primary" disabled={Boolean(error) || props.isUnchanged}>
            {props.submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
