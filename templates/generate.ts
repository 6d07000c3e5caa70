/**
 * The typed generator: VM profile in, scripts out, each stamped with its template and the
 * hash of its parameters (templates/header.ts).
 *
 * Every value is checked by the profile's schema first (schemas/vm-profile.ts), then escaped
 * for the script's language (templates/escape.ts); a value that cannot be written safely is
 * an error naming the field, never a script.
 */
import { type Result, appError, fail, ok } from '../schemas/result.js';
import {
  type GuestOs,
  type VmProfile,
  VmProfileSchema,
  clptrnreqOf,
} from '../schemas/vm-profile.js';
import { type ExpectedScript, hashParameters, stampScript } from './header.js';
import { type ProductScript, renderProductBatch, renderProductShell } from './product-defaults.js';
import { renderMonitor } from './vm-monitor.js';
import {
  type PowerOnParameters,
  type PowerParameters,
  renderPowerOff,
  renderPowerOn,
} from './vm-power.js';
import {
  type PreactionParameters,
  renderPreactionBatch,
  renderPreactionShell,
} from './vm-preaction.js';

/** Every template, by id: the VM scripts of the guide and the product's default scripts. */
export const TEMPLATE_IDS = [
  'vm/vmpower.start.pl',
  'vm/vmpower.stop.pl',
  'vm/clpvmmon.pl',
  'vm/vmpreaction.sh',
  'vm/vmpreaction.bat',
  'product/start.sh',
  'product/stop.sh',
  'product/genw.sh',
  'product/preaction.sh',
  'product/start.bat',
  'product/stop.bat',
  'product/genw.bat',
  'product/preaction.bat',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** One generated script. */
export interface GeneratedScript {
  readonly template: TemplateId;
  /** The file name the product expects it under (clpconf-format.md §8). */
  readonly file: string;
  readonly text: string;
  /** What its header says: compare with a script on disk (scriptStatus). */
  readonly expected: ExpectedScript;
}

interface Template {
  /** Raised when a template's text changes: scripts made by the older one become stale. */
  readonly version: number;
  readonly file: string;
  readonly comment: '#' | 'rem';
  build(profile: VmProfile): Result<{ parameters: object; text: string }>;
}

function template<P extends object>(
  version: number,
  file: string,
  comment: '#' | 'rem',
  parameters: (profile: VmProfile) => Result<P>,
  render: (parameters: P) => Result<string>,
): Template {
  return {
    version,
    file,
    comment,
    build: (profile) => {
      const picked = parameters(profile);
      if (!picked.ok) {
        return picked;
      }
      const text = render(picked.value);
      return text.ok ? ok({ parameters: picked.value, text: text.value }) : text;
    },
  };
}

const FLAGS: Readonly<Record<string, string>> = {
  vmx: '--vmx',
  vmResource: '--vm-resource',
  esxAddresses: '--esx-ip',
};

function required<T>(value: T | undefined, field: keyof VmProfile & string, id: string): Result<T> {
  return value !== undefined
    ? ok(value)
    : fail(
        appError(
          'invalid-value',
          `vmProfile.${field} is needed to generate ${id}; record it in .clpbuilder/project.json (clpbuilder new ${FLAGS[field] ?? ''})`,
          {
            path: `vmProfile.${field}`,
            ja: `${id} を生成するには vmProfile.${field} が必要です。.clpbuilder/project.json に記録してください (clpbuilder new ${FLAGS[field] ?? ''})`,
          },
        ),
      );
}

function power(id: string, stopping: boolean) {
  return (profile: VmProfile): Result<PowerParameters> => {
    const vmx = required(profile.vmx, 'vmx', id);
    return vmx.ok
      ? ok({
          vmx: vmx.value,
          vmwareCmd: profile.vmwareCmd,
          interval: stopping ? profile.stopCheckInterval : profile.checkInterval,
          maxChecks: profile.maxChecks,
        })
      : vmx;
  };
}

function powerOn(profile: VmProfile): Result<PowerOnParameters> {
  const common = power('vmpower.start.pl', false)(profile);
  return common.ok ? ok({ ...common.value, startTimeout: profile.startTimeout }) : common;
}

function preaction(id: string, os: GuestOs) {
  return (profile: VmProfile): Result<PreactionParameters> => {
    const resource = required(profile.vmResource, 'vmResource', id);
    if (!resource.ok) {
      return resource;
    }
    const addresses = required(profile.esxAddresses, 'esxAddresses', id);
    return addresses.ok
      ? ok({
          vmResource: resource.value,
          esxAddresses: addresses.value,
          clptrnreq: clptrnreqOf(profile, os),
        })
      : addresses;
  };
}

const noParameters = () => ok({});

function product(which: ProductScript, windows: boolean): Template {
  return windows
    ? template(1, `${which}.bat`, 'rem', noParameters, () => ok(renderProductBatch(which)))
    : template(1, `${which}.sh`, '#', noParameters, () => ok(renderProductShell(which)));
}

const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  'vm/vmpower.start.pl': template(1, 'start.sh', '#', powerOn, (parameters) =>
    ok(renderPowerOn(parameters)),
  ),
  'vm/vmpower.stop.pl': template(1, 'stop.sh', '#', power('vmpower.stop.pl', true), (parameters) =>
    ok(renderPowerOff(parameters)),
  ),
  'vm/clpvmmon.pl': template(1, 'genw.sh', '#', power('clpvmmon.pl', false), (parameters) =>
    ok(renderMonitor(parameters)),
  ),
  'vm/vmpreaction.sh': template(
    1,
    'preaction.sh',
    '#',
    preaction('vmpreaction.sh', 'linux'),
    (parameters) => ok(renderPreactionShell(parameters)),
  ),
  'vm/vmpreaction.bat': template(
    1,
    'preaction.bat',
    'rem',
    preaction('vmpreaction.bat', 'windows'),
    renderPreactionBatch,
  ),
  'product/start.sh': product('start', false),
  'product/stop.sh': product('stop', false),
  'product/genw.sh': product('genw', false),
  'product/preaction.sh': product('preaction', false),
  'product/start.bat': product('start', true),
  'product/stop.bat': product('stop', true),
  'product/genw.bat': product('genw', true),
  'product/preaction.bat': product('preaction', true),
};

/** Checks a profile as project.json holds it; the error names the field (`vmProfile.vmx`). */
export function parseVmProfile(input: unknown): Result<VmProfile> {
  const parsed = VmProfileSchema.safeParse(input ?? {});
  if (parsed.success) {
    return ok(parsed.data);
  }
  const issue = parsed.error.issues[0];
  const field = ['vmProfile', ...(issue?.path ?? []).map(String)].join('.');
  return fail(
    appError('invalid-value', `${field}: ${issue?.message ?? 'is not valid'}`, { path: field }),
  );
}

/** Generates one script from a checked profile. */
export function generateScript(id: TemplateId, profile: VmProfile): Result<GeneratedScript> {
  const definition = TEMPLATES[id];
  const built = definition.build(profile);
  if (!built.ok) {
    return built;
  }
  const expected: ExpectedScript = {
    template: id,
    version: definition.version,
    params: hashParameters(
      id,
      definition.version,
      built.value.parameters as Record<string, unknown>,
    ),
  };
  return ok({
    template: id,
    file: definition.file,
    text: stampScript(built.value.text, 1, definition.comment, expected),
    expected,
  });
}

/**
 * Generates scripts from a profile as project.json holds it (checked here): every value is
 * validated by the schema and escaped for its script's language. The first problem is the
 * error, naming the field.
 */
export function generateScripts(
  profile: unknown,
  ids: readonly TemplateId[],
): Result<GeneratedScript[]> {
  const checked = parseVmProfile(profile);
  if (!checked.ok) {
    return checked;
  }
  const scripts: GeneratedScript[] = [];
  for (const id of ids) {
    const script = generateScript(id, checked.value);
    if (!script.ok) {
      return script;
    }
    scripts.push(script.value);
  }
  return ok(scripts);
}

/** Whether an id names a template (a header read from a file may name anything). */
export function isTemplateId(id: string): id is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(id);
}
