/**
 * The fields both dialogs share: the hosts (address[:port] and user) and the authentication.
 * Secrets stay in the caller's component state; nothing here logs or stores them.
 */
import { useTranslation } from 'react-i18next';
import type { SecretState } from './use-secrets.js';
import { inLanguage } from '../../error-text.js';
import type { Auth, HostRow } from './upload-model.js';
import type { HostKeyOffer } from './upload-flow.js';

interface HostListProps {
  readonly rows: readonly HostRow[];
  /** Rows that do not parse, by index. */
  readonly invalid: readonly number[];
  /** One host only (Download). */
  readonly single?: boolean;
  readonly disabled: boolean;
  onChange(rows: HostRow[]): void;
}

/** The editable host list. */
export function HostList({ rows, invalid, single, disabled, onChange }: HostListProps) {
  const { t } = useTranslation();
  const set = (index: number, row: Partial<HostRow>) =>
    onChange(rows.map((old, at) => (at === index ? { ...old, ...row } : old)));
  return (
    <fieldset className="host-list" disabled={disabled}>
      <legend>{single ? t('hosts.host') : t('hosts.hosts')}</legend>
      {rows.map((row, index) => (
        <div className="host-row" key={index}>
          <input
            aria-label={t('hosts.address', { n: index + 1 })}
            aria-invalid={invalid.includes(index)}
            placeholder="192.0.2.10:22"
            value={row.target}
            onChange={(event) => set(index, { target: event.target.value })}
          />
          <input
            aria-label={t('hosts.user', { n: index + 1 })}
            className="user"
            value={row.user}
            onChange={(event) => set(index, { user: event.target.value })}
          />
          {single ? null : (
            <button
              type="button"
              aria-label={t('hosts.remove', { n: index + 1 })}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              −
            </button>
          )}
        </div>
      ))}
      {single ? null : (
        <button type="button" onClick={() => onChange([...rows, { target: '', user: 'root' }])}>
          {t('hosts.add')}
        </button>
      )}
    </fieldset>
  );
}

interface AuthProps {
  readonly auth: Auth;
  readonly knownHostsFile: string;
  readonly disabled: boolean;
  /** Whether passwords can be remembered here, and whether one is for these hosts. */
  readonly secrets?: SecretState;
  onAuth(auth: Auth): void;
  onKnownHostsFile(path: string): void;
  onForgetPassword?(): void;
}

/** Agent, key file (with passphrase) or password; and the known_hosts file to check against. */
export function AuthFields({
  auth,
  knownHostsFile,
  disabled,
  secrets,
  onAuth,
  onKnownHostsFile,
  onForgetPassword,
}: AuthProps) {
  const { t } = useTranslation();
  const methods = ['agent', 'key', 'password'] as const;
  const choose = (method: Auth['method']) =>
    onAuth(
      method === 'agent'
        ? { method }
        : method === 'key'
          ? { method, identity: '', passphrase: '' }
          : { method, password: '' },
    );
  return (
    <fieldset className="auth" disabled={disabled}>
      <legend>{t('hosts.auth')}</legend>
      <div role="radiogroup" aria-label={t('hosts.auth')} className="auth-methods">
        {methods.map((method) => (
          <label key={method}>
            <input
              type="radio"
              name="auth-method"
              checked={auth.method === method}
              onChange={() => choose(method)}
            />
            {t(`hosts.method.${method}`)}
          </label>
        ))}
      </div>
      {auth.method === 'key' ? (
        <>
          <Field
            label={t('hosts.identity')}
            value={auth.identity}
            onChange={(identity) => onAuth({ ...auth, identity })}
          />
          <Field
            label={t('hosts.passphrase')}
            value={auth.passphrase}
            secret
            onChange={(passphrase) => onAuth({ ...auth, passphrase })}
          />
        </>
      ) : null}
      {auth.method === 'password' ? (
        <>
          <Field
            label={t('hosts.password')}
            value={auth.password}
            secret
            placeholder={secrets?.remembered ? t('hosts.rememberedPlaceholder') : undefined}
            onChange={(password) => onAuth({ ...auth, password })}
          />
          <RememberPassword
            auth={auth}
            secrets={secrets}
            onAuth={onAuth}
            onForget={onForgetPassword}
          />
        </>
      ) : null}
      <Field
        label={t('hosts.knownHosts')}
        value={knownHostsFile}
        placeholder="~/.ssh/known_hosts"
        onChange={onKnownHostsFile}
      />
    </fieldset>
  );
}

/** "Remember" (desktop app, keychain) or why not; "Forget" once one is remembered. */
function RememberPassword(props: {
  auth: Extract<Auth, { method: 'password' }>;
  secrets: SecretState | undefined;
  onAuth(auth: Auth): void;
  onForget: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { auth, secrets } = props;
  if (!secrets?.available) {
    return (
      <p className="field-note">
        {t('hosts.cannotRemember', {
          reason: inLanguage(secrets?.reason ?? '', secrets?.reasonJa),
        })}
      </p>
    );
  }
  return (
    <div className="remember">
      <label>
        <input
          type="checkbox"
          checked={auth.remember === true}
          onChange={(event) => props.onAuth({ ...auth, remember: event.target.checked })}
        />
        {t('hosts.rememberPassword')}
      </label>
      {secrets.remembered ? (
        <button type="button" onClick={props.onForget}>
          {t('hosts.forgetPassword')}
        </button>
      ) : null}
    </div>
  );
}

function Field(props: {
  label: string;
  value: string;
  secret?: boolean;
  placeholder?: string;
  onChange(value: string): void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type={props.secret ? 'password' : 'text'}
        // Browsers must not offer to remember a passphrase typed here.
        autoComplete={props.secret ? 'new-password' : 'off'}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}

/** Each unknown host key with its fingerprint and a button that trusts it and tries again. */
export function HostKeyOffers(props: {
  offers: readonly HostKeyOffer[];
  /** What the button does: trust, then plan again or download. */
  retry: 'plan' | 'download';
  disabled: boolean;
  onTrust(host: string, fingerprint: string): void;
}) {
  const { t } = useTranslation();
  return props.offers.map((offer) => (
    <p key={offer.host} className="host-key">
      {t('hosts.unknownKey', { ...offer })}{' '}
      <button
        type="button"
        onClick={() => props.onTrust(offer.host, offer.fingerprint)}
        disabled={props.disabled}
      >
        {t(props.retry === 'plan' ? 'hosts.trustKey' : 'hosts.trustKeyDownload')}
      </button>
    </p>
  ));
}
