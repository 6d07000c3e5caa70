/**
 * The selected entity as the property form sees it: name, kind, type and parameter map,
 * whatever its kind. Pure.
 */
import { type ClusterModel, entityAtPath } from '../../../schemas/index.js';

export interface EntityView {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
  readonly type?: string | undefined;
  /** Leaf parameters by sub-path (`polling/interval`), as the model reads them. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** The entity at `path`, or undefined for a folder or a vanished entity. */
export function entityAt(model: ClusterModel, path: string): EntityView | undefined {
  if (path === 'cluster') {
    return {
      path,
      name: model.cluster.name,
      kind: 'cluster',
      parameters: model.cluster.parameters,
    };
  }
  const found = entityAtPath(model, path);
  return (
    found && {
      path: found.path,
      name: found.name,
      kind: found.kind,
      type: 'type' in found ? found.type : undefined,
      parameters: found.parameters,
    }
  );
}

/** A parameter shown as a choice of meanings rather than a raw code. */
export interface ChoiceField {
  /** Sub-path under the entity. */
  readonly key: string;
  /** i18n key of the label. */
  readonly label: string;
  /** Value, i18n key of its meaning, and the English meaning when the key has no entry. */
  readonly options: ReadonlyArray<readonly [string, string, string?]>;
}

const AUTOMATIC_OR_MANUAL: ChoiceField['options'] = [
  ['1', 'option.automatic'],
  ['0', 'option.manual'],
];

/** A group's start, failover and failback attributes (clpconf-format.md §4). */
const GROUP_FIELDS: ChoiceField[] = [
  { key: 'start', label: 'field.groupStart', options: AUTOMATIC_OR_MANUAL },
  { key: 'failover', label: 'field.groupFailover', options: AUTOMATIC_OR_MANUAL },
  { key: 'failback', label: 'field.groupFailback', options: AUTOMATIC_OR_MANUAL },
];

/** A group's startup servers in order, from its `policy@server/order` parameters. */
export function startupServersOf(entity: EntityView): string[] {
  return Object.entries(entity.parameters)
    .flatMap(([key, order]) => {
      const server = /^policy@([^/]+)\/order$/.exec(key)?.[1];
      return server === undefined ? [] : [{ server, order: Number.parseInt(order, 10) }];
    })
    .sort((a, b) => (a.order || 0) - (b.order || 0))
    .map(({ server }) => server);
}

/** The typed fields an entity kind and type show above the generic list. */
export function choiceFieldsOf(
  entity: EntityView,
  finalActions: Readonly<Record<string, string>>,
): ChoiceField[] {
  if (entity.kind === 'group') {
    return GROUP_FIELDS;
  }
  if (entity.kind !== 'monitor') {
    return [];
  }
  const fields: ChoiceField[] = [
    {
      key: 'emergency/action',
      label: 'field.finalAction',
      options: Object.entries(finalActions).map(([code, meaning]) => [
        code,
        `finalAction.${code}`,
        meaning,
      ]),
    },
  ];
  if (entity.type === 'userw') {
    // clpconf-format.md §6: keepalive (X 4 default), softdog (X 3 default), ipmi.
    fields.push({
      key: 'parameters/method',
      label: 'field.userwMethod',
      options: [
        ['keepalive', 'keepalive'],
        ['softdog', 'softdog'],
        ['ipmi', 'ipmi'],
      ],
    });
  }
  if (entity.type === 'genw') {
    fields.push({
      key: 'parameters/sync',
      label: 'field.genwSync',
      options: [
        ['0', 'option.asynchronous'],
        ['1', 'option.synchronous'],
      ],
    });
  }
  return fields;
}
