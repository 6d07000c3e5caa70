/**
 * The wizards' forms as plain text fields, and their translation into the options of the
 * topology wizards (templates/wizard/options.ts) and the VM profile (schemas/vm-profile.ts).
 *
 * Validation is the core's own: the same zod schemas and the same `buildTopology` that
 * `clpbuilder new` runs, so the form accepts exactly what the command line accepts. Errors
 * come back keyed by form field ('servers.1.addresses', 'profile.vmx').
 */
import { type Topology, VmProfileSchema } from '../../../schemas/index.js';
import { WizardOptionsSchema, buildTopology } from '../../../templates/index.js';
import { errorText } from '../../error-text.js';

/** The VM profile's fields as typed; blank means "the default". */
export interface ProfileForm {
  readonly vmx: string;
  readonly vmwareCmd: string;
  /** Comma- or space-separated. */
  readonly esxAddresses: string;
  readonly vmResource: string;
  readonly guestOs: '' | 'linux' | 'windows';
  readonly clptrnreq: string;
  readonly checkInterval: string;
  readonly stopCheckInterval: string;
  readonly maxChecks: string;
  readonly startTimeout: string;
}

/** A server row: its name and its LAN addresses (comma- or space-separated). */
export interface ServerRow {
  readonly name: string;
  readonly addresses: string;
}

/** The New cluster wizard's form. */
export interface NewClusterForm {
  readonly topology: Topology;
  readonly name: string;
  readonly servers: readonly ServerRow[];
  readonly productVersion: string;
  readonly diskDevice: string;
  readonly guestServer: string;
  readonly scsiBusSharing: '' | 'none' | 'virtual' | 'physical';
  readonly diskType: '' | 'rdm' | 'vmdk';
  readonly vmotion: boolean;
  readonly profile: ProfileForm;
}

/** Error messages by form field. */
export type FieldErrors = Readonly<Record<string, string>>;

const TEXT_FIELDS = ['vmx', 'vmwareCmd', 'vmResource', 'clptrnreq'] as const;
const NUMBER_FIELDS = ['checkInterval', 'stopCheckInterval', 'maxChecks', 'startTimeout'] as const;

/** The form of a profile as project.json holds it (defaults shown as blanks). */
export function profileForm(profile: Readonly<Record<string, unknown>> = {}): ProfileForm {
  const text = (key: string) => {
    const value = profile[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const addresses = profile['esxAddresses'];
  const guestOs = profile['guestOs'];
  return {
    vmx: text('vmx'),
    vmwareCmd: text('vmwareCmd'),
    esxAddresses: Array.isArray(addresses) ? addresses.join(', ') : '',
    vmResource: text('vmResource'),
    guestOs: guestOs === 'linux' || guestOs === 'windows' ? guestOs : '',
    clptrnreq: text('clptrnreq'),
    checkInterval: text('checkInterval'),
    stopCheckInterval: text('stopCheckInterval'),
    maxChecks: text('maxChecks'),
    startTimeout: text('startTimeout'),
  };
}

/** A fresh New cluster form: two servers, as most of the guide's topologies have. */
export function newClusterForm(): NewClusterForm {
  return {
    topology: 'inter-host',
    name: 'cluster',
    servers: [
      { name: '', addresses: '' },
      { name: '', addresses: '' },
    ],
    productVersion: '',
    diskDevice: '',
    guestServer: '',
    scsiBusSharing: '',
    diskType: '',
    vmotion: false,
    profile: profileForm(),
  };
}

/**
 * The profile the form describes, on top of `base` (keys the form does not show, such as
 * `side` or those of a later version, are kept: DESIGN.md promise 1). Blank fields are left
 * out so the schema's defaults apply; a number field that is not a number is passed as typed
 * so that the schema refuses it.
 */
export function profileInput(
  form: ProfileForm,
  base: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const profile: Record<string, unknown> = { ...base };
  const put = (key: string, value: unknown) => {
    if (value === '' || value === undefined) {
      delete profile[key];
    } else {
      profile[key] = value;
    }
  };
  for (const key of TEXT_FIELDS) {
    put(key, form[key].trim());
  }
  for (const key of NUMBER_FIELDS) {
    const text = form[key].trim();
    put(key, /^\d+$/.test(text) ? Number(text) : text);
  }
  const addresses = splitList(form.esxAddresses);
  put('esxAddresses', addresses.length > 0 ? addresses : undefined);
  put('guestOs', form.guestOs);
  return profile;
}

/** The options of `buildTopology` (and of `project:create`) the form describes. */
export function wizardInput(form: NewClusterForm): Record<string, unknown> {
  const optional = (key: string, value: string) =>
    value.trim() === '' ? {} : { [key]: value.trim() };
  const facts = {
    ...(form.scsiBusSharing === '' ? {} : { scsiBusSharing: form.scsiBusSharing }),
    ...(form.diskType === '' ? {} : { diskType: form.diskType }),
    ...(form.vmotion ? { vmotion: true } : {}),
  };
  return {
    topology: form.topology,
    name: form.name.trim(),
    servers: form.servers.map((server) => ({
      name: server.name.trim(),
      addresses: splitList(server.addresses),
    })),
    ...optional('productVersion', form.productVersion),
    ...optional('diskDevice', form.diskDevice),
    ...optional('guestServer', form.guestServer),
    facts,
    profile: profileInput(form.profile),
  };
}

/**
 * Checks the whole form: every field the schemas refuse, then (when they pass) what the
 * topology itself needs, by building it as `clpbuilder new` would.
 */
export function checkNewCluster(form: NewClusterForm): FieldErrors {
  const input = wizardInput(form);
  const parsed = WizardOptionsSchema.safeParse(input);
  if (!parsed.success) {
    return errorsOf(parsed.error.issues);
  }
  const built = buildTopology(input);
  if (built.ok) {
    return {};
  }
  const field = (built.error.path ?? 'form').replace(/^vmProfile\b/, 'profile');
  return { [fieldOf(field.split('.'))]: errorText(built.error).replace(/^[\w.]+: /, '') };
}

/** Checks a profile with the VM profile schema; errors keyed `profile.<field>`. */
export function checkProfile(profile: Readonly<Record<string, unknown>>): FieldErrors {
  const parsed = VmProfileSchema.safeParse(profile);
  return parsed.success
    ? {}
    : errorsOf(
        parsed.error.issues.map((issue) => ({ ...issue, path: ['profile', ...issue.path] })),
      );
}

function errorsOf(
  issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly message: string }>,
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path.map(String));
    // The first problem of a field is the one to fix first.
    errors[field] ??= issue.message;
  }
  return errors;
}

/** An address list's element errors belong to the list's text field. */
function fieldOf(path: readonly string[]): string {
  const last = path[path.length - 1];
  const list = path[path.length - 2];
  const isListItem =
    last !== undefined && /^\d+$/.test(last) && (list === 'addresses' || list === 'esxAddresses');
  return (isListItem ? path.slice(0, -1) : path).join('.') || 'form';
}

function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
