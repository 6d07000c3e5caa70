/**
 * Which rules speak to which side of a guest-to-host association.
 *
 * In `inter-host-guest-assoc` two projects share the topology: the ESX hosts' cluster and the
 * guest's SingleServerSafe. The guide's notes and steps for ExpressCluster on the hosts
 * ("Notes on inter-host OS clusters", "Setting up an inter-host OS cluster", Appendix A power
 * scripts) concern the host project; "Using a guest-to-host association" step 3 and the
 * pre-action scripts concern the guest project. The project says which side it is in
 * project.json `vmProfile.side`; findings of rules about the other side are set aside here
 * until the rules engine reads the side itself.
 */
import type { Finding, Topology, VmSide } from '../../schemas/index.js';

const HOST_SIDE_RULES = new Set([
  'VM001',
  'VM002',
  'VM003',
  'VM013',
  'VM014',
  'VM020',
  'VM021',
  'VM022',
  'VM023',
]);
const GUEST_SIDE_RULES = new Set(['VM030', 'VM031']);

/** Whether a rule is about the other side of a guest-to-host association than this project. */
export function isOtherSideRule(
  rule: string,
  topology: Topology,
  side: VmSide | undefined,
): boolean {
  if (topology !== 'inter-host-guest-assoc' || side === undefined) {
    return false;
  }
  return side === 'host' ? GUEST_SIDE_RULES.has(rule) : HOST_SIDE_RULES.has(rule);
}

/** Splits findings into those for this project and those about the other side. */
export function findingsForSide(
  findings: readonly Finding[],
  topology: Topology,
  side: VmSide | undefined,
): { readonly kept: Finding[]; readonly otherSide: Finding[] } {
  const kept = findings.filter((finding) => !isOtherSideRule(finding.rule, topology, side));
  const otherSide = findings.filter((finding) => isOtherSideRule(finding.rule, topology, side));
  return { kept, otherSide };
}
