/**
 * The VM profile: every value the VM scripts are generated from (project.json `vmProfile`).
 *
 * One profile replaces the "bold parts" the guide has the engineer edit by hand in each
 * sample script (vSphere 4 System Configuration Guide, Appendix A). Each value is checked
 * here; the generator then escapes it for the language of each script (templates/escape.ts).
 */
import * as z from 'zod';

const CONTROL = /[\x00-\x1f\x7f]/;

/** A VMFS volume UUID as the guide writes it: 4a276815-6acb55cc-e2a8-0019dbc0afcc (8-8-4-12 hex). */
export const VMFS_UUID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The guide's own example of a VM configuration path (Appendix A). */
export const EXAMPLE_VMX = '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.vmx';

/** Why a .vmx path is not absolute and UUID-based, or undefined when it is (guide rule VM022). */
export function vmxPathProblem(path: string): string | undefined {
  if (CONTROL.test(path)) {
    return 'must not contain control characters (newline, tab, ...)';
  }
  const parts = path.split('/');
  if (parts.length !== 6 || parts[0] !== '' || parts[1] !== 'vmfs' || parts[2] !== 'volumes') {
    return `must be absolute and UUID-based: /vmfs/volumes/<uuid>/<dir>/<name>.vmx, e.g. ${EXAMPLE_VMX}`;
  }
  const [, , , uuid, folder, file] = parts as [string, string, string, string, string, string];
  if (!VMFS_UUID.test(uuid)) {
    return `names the datastore "${uuid}"; use its UUID (8-8-4-12 lower-case hex digits, as ls -l /vmfs/volumes shows), not its label: a label can change, the UUID cannot`;
  }
  if (folder === '' || folder === '.' || folder === '..') {
    return 'must name the VM folder on the datastore: /vmfs/volumes/<uuid>/<dir>/<name>.vmx';
  }
  if (!file.endsWith('.vmx') || file === '.vmx') {
    return 'must end with the VM configuration file, <name>.vmx';
  }
  return path.length > 1024 ? 'is longer than 1024 characters' : undefined;
}

/** The VM configuration file: `/vmfs/volumes/<uuid>/<dir>/<name>.vmx` (guide rule VM022). */
export const VmxPathSchema = z.string().superRefine((path, context) => {
  const problem = vmxPathProblem(path);
  if (problem) {
    context.addIssue({ code: 'custom', message: problem });
  }
});

/** An absolute path on the ESX Service Console or a Linux guest. */
export const AbsolutePathSchema = z
  .string()
  .max(1024, 'must be at most 1024 characters')
  .regex(
    /^\/[^\x00-\x1f\x7f]*$/,
    'must be an absolute path (start with /) without control characters',
  );

/** A dotted-quad IPv4 address; no leading zeros, which some tools read as octal. */
export const Ipv4Schema = z
  .string()
  .regex(
    /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/,
    'must be an IPv4 address such as 10.0.0.1 (four numbers 0-255, no leading zeros)',
  );

// The product's naming rules as far as known (clpconf-format.md §11; rule CF010): at most 31
// bytes, no leading "-" (clptrnreq would read it as an option), none of \ / : , ; * ? " < > |.
const FORBIDDEN_IN_NAME = /[\\/:,;*?"<>|\x00-\x1f\x7f]/;

/** The host cluster's resource that starts the VM (clptrnreq -r, guide Appendix A). */
export const ResourceNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((name) => new TextEncoder().encode(name).length <= 31, 'must be at most 31 bytes')
  .refine((name) => !name.startsWith('-'), 'must not start with "-"')
  .refine((name) => name.trim() === name, 'must not start or end with a space')
  .refine(
    (name) => !FORBIDDEN_IN_NAME.test(name),
    'must not contain \\ / : , ; * ? " < > | or control characters (the product’s naming rules)',
  );

/** Where clptrnreq is on a Windows guest: a bare `clptrnreq.exe` (found on PATH) or `C:\...`. */
const WINDOWS_PROGRAM = /^(?:[A-Za-z0-9_.-]+\.exe|[A-Za-z]:\\[^\x00-\x1f\x7f/*?"<>|]*)$/i;

const seconds = (maximum: number) => z.number().int().min(1).max(maximum);

/** Which end of the VM association a project configures. */
export const VmSideSchema = z.enum(['host', 'guest']);
export type VmSide = z.infer<typeof VmSideSchema>;

/** The guest OS: decides the pre-action script's language (guide: vmpreaction.sh or .bat). */
export const GuestOsSchema = z.enum(['linux', 'windows']);
export type GuestOs = z.infer<typeof GuestOsSchema>;

/**
 * The VM profile as project.json holds it.
 *
 * Loose: keys a later version adds are kept, not dropped (DESIGN.md promise 1). Defaults are
 * the guide's sample values (Appendix A: start checks every 1 s, stop every 5 s, 100 checks,
 * 10 s for `start` to answer).
 */
export const VmProfileSchema = z
  .looseObject({
    /** `host`: the ESX hosts' cluster (vmware-cmd scripts); `guest`: the guest (pre-action). */
    side: VmSideSchema.optional(),
    vmx: VmxPathSchema.optional(),
    vmwareCmd: AbsolutePathSchema.default('/usr/bin/vmware-cmd'),
    /** Seconds between state checks while starting, and between heartbeat checks. */
    checkInterval: seconds(3600).default(1),
    /** Seconds between state checks while stopping. */
    stopCheckInterval: seconds(3600).default(5),
    /** State checks before giving up; also heartbeat checks before the first rise. */
    maxChecks: z.number().int().min(1).max(100000).default(100),
    /** Seconds `vmware-cmd start` may take to answer before a pending question is looked for. */
    startTimeout: seconds(3600).default(10),
    vmResource: ResourceNameSchema.optional(),
    esxAddresses: z
      .array(Ipv4Schema)
      .min(1, 'must list at least one ESX address')
      .refine((list) => new Set(list).size === list.length, 'must not list an address twice')
      .optional(),
    guestOs: GuestOsSchema.optional(),
    /** clptrnreq on the guest; default /opt/nec/clusterpro/bin/clptrnreq, or clptrnreq.exe. */
    clptrnreq: z.string().min(1).max(1024).optional(),
  })
  .superRefine((profile, context) => {
    if (profile.clptrnreq === undefined) {
      return;
    }
    const isWindows = profile.guestOs === 'windows';
    const valid = isWindows
      ? WINDOWS_PROGRAM.test(profile.clptrnreq)
      : AbsolutePathSchema.safeParse(profile.clptrnreq).success;
    if (!valid) {
      context.addIssue({
        code: 'custom',
        path: ['clptrnreq'],
        message: isWindows
          ? 'must be clptrnreq.exe or an absolute Windows path (C:\\...\\clptrnreq.exe)'
          : 'must be an absolute path (start with /) without control characters',
      });
    }
  });
export type VmProfile = z.infer<typeof VmProfileSchema>;
/** What a caller may write: defaults may be left out. */
export type VmProfileInput = z.input<typeof VmProfileSchema>;

/** clptrnreq where the guide's samples call it (Appendix A) when the profile names none. */
export function clptrnreqOf(profile: VmProfile, os: GuestOs = profile.guestOs ?? 'linux'): string {
  if (profile.clptrnreq !== undefined) {
    return profile.clptrnreq;
  }
  return os === 'windows' ? 'clptrnreq.exe' : '/opt/nec/clusterpro/bin/clptrnreq';
}
