/**
 * A group's startup servers, as an ordered list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A group's startup servers in order (the first starts it, the next takes over), chosen from
 * the cluster's servers; none chosen means every server, in server priority order.
 */
export function StartupServers(props: {
  chosen: readonly string[];
  servers: readonly string[];
  onChange(servers: readonly string[]): void;
}) {
  const { t } = useTranslation();
  const { chosen } = props;
  const available = props.servers.filter((server) => !chosen.includes(server));
  const [adding, setAdding] = useState('');
  const toAdd = available.includes(adding) ? adding : (available[0] ?? '');
  const moved = (from: number, to: number) => {
    const next = [...chosen];
    const [server] = next.splice(from, 1);
    next.splice(to, 0, server as string);
    return next;
  };
  return (
    <fieldset className="startup-servers">
      <legend>{t('properties.startupServers')}</legend>
      {chosen.length === 0 ? <p className="note">{t('properties.startupAll')}</p> : null}
      <ol aria-label={t('properties.startupServers')}>
        {chosen.map((server, index) => (
          <li key={server}>
            <span className="server-order">{index + 1}.</span>
            <span className="server-name">{server}</span>
            <button
              type="button"
              aria-label={t('properties.startupMoveUp', { server })}
              disabled={index === 0}
              onClick={() => props.onChange(moved(index, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('properties.startupMoveDown', { server })}
              disabled={index === chosen.length - 1}
              onClick={() => props.onChange(moved(index, index + 1))}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t('properties.startupRemove', { server })}
              onClick={() => props.onChange(chosen.filter((other) => other !== server))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {available.length > 0 ? (
        <div className="startup-add">
          <select
            aria-label={t('properties.startupAddServer')}
            value={toAdd}
            onChange={(event) => setAdding(event.target.value)}
          >
            {available.map((server) => (
              <option key={server} value={server}>
                {server}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => props.onChange([...chosen, toAdd])}>
            {t('properties.startupAdd')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
