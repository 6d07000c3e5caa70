/**
 * What the topology wizards take: the same whether they run headless (`clpbuilder new`) or
 * in the desktop app. Checked by zod; a problem names the option.
 */
import * as z from 'zod';
import {
  ProductVersionSchema,
  type Result,
  TopologySchema,
  VmFactsSchema,
  VmProfileSchema,
  appError,
  fail,
  ok,
} from '../../schemas/index.js';
import { AbsolutePathSchema, Ipv4Schema } from '../../schemas/vm-profile.js';

/** A server of the cluster: its host name and the address of each LAN it is on. */
export const WizardServerSchema = z.object({
  name: z.string().min(1, 'must not be empty'),
  addresses: z.array(Ipv4Schema).min(1, 'needs at least one address'),
});
export type WizardServer = z.infer<typeof WizardServerSchema>;

/** Everything a wizard builds a project from. */
export const WizardOptionsSchema = z.object({
  topology: TopologySchema,
  /** The cluster's name (clp.conf cluster/name). */
  name: z
    .string()
    .min(1, 'must not be empty')
    .regex(/^[^\x00-\x1f\x7f]*$/, 'must not contain control characters')
    .default('cluster'),
  servers: z.array(WizardServerSchema).min(1, 'name at least one server (--server <name>:<ipv4>)'),
  productVersion: ProductVersionSchema.optional(),
  /** The VM profile; the wizard fills in what the topology implies (side, defaults). */
  profile: VmProfileSchema.prefault({}),
  /** VM facts the engineer stated; the wizard adds what the guide prescribes for the topology. */
  facts: VmFactsSchema.default({}),
  /** The shared disk: the VM disk resource's device, the datastore disk monitor's object. */
  diskDevice: AbsolutePathSchema.optional(),
  /** The guest's host name, for the guest-side project (default: from the .vmx file name). */
  guestServer: z.string().min(1).optional(),
});
export type WizardOptions = z.infer<typeof WizardOptionsSchema>;
export type WizardOptionsInput = z.input<typeof WizardOptionsSchema>;

/** Checks wizard options; the error names the option (`servers.0.addresses.1`). */
export function parseWizardOptions(input: unknown): Result<WizardOptions> {
  const parsed = WizardOptionsSchema.safeParse(input);
  if (parsed.success) {
    return ok(parsed.data);
  }
  const issue = parsed.error.issues[0];
  const field =
    (issue?.path ?? [])
      .map(String)
      .join('.')
      .replace(/^profile\b/, 'vmProfile') || '(options)';
  return fail(appError('usage', `${field}: ${issue?.message ?? 'is not valid'}`, { path: field }));
}
