/**
 * The VM monitor script of the custom monitor (genw) watching the VM (guide, Appendix A:
 * clpvmmon.pl), written fresh. It runs as long as the VM is healthy; the custom monitor is
 * asynchronous, so the script ending is what reports the failure (guide, "Setting up an
 * inter-host OS cluster", step 9 D).
 */
import { GENERATED_NOTE, type PowerParameters, powerSettings } from './vm-power.js';
import { PERL_CORE, perlScript } from './perl-common.js';

/** What the monitor is generated from: the same values as the power scripts. */
export type MonitorParameters = PowerParameters;

// The guide's sample also ran `ulimit -s unlimited` through system(), which changes only the
// limit of the shell it starts and so does nothing here; it is left out.
const MONITOR = String.raw`
# ---- monitoring ----
# The VM's heartbeat count (VMware Tools in the guest raise it), or undef when vmware-cmd
# cannot say.
sub heartbeat {
    my ($status, @lines) = run_vmware_cmd($vmx, 'getheartbeat');
    foreach my $line (@lines) {
        return $1 if $line =~ /\Agetheartbeat\(\) = (\d+)\s*\z/;
    }
    log_line('E', 'cannot get the heartbeat count: ' . summary($status, @lines));
    return;
}

# Runs while the VM is on and its heartbeat count rises; ends when the VM is not on or the
# count stalls. Until the count is first seen rising (the guest still booting, its VMware
# Tools not yet running) a flat count is allowed for $max_checks checks.
sub main {
    my $last;
    my $has_risen = 0;
    my $flat_checks = 0;
    log_line('I', 'monitoring starts');
    while (1) {
        my $state = vm_state(1);
        if ($state ne 'on') {
            log_line('I', $state eq '' ? 'the VM state is unknown; monitoring ends' : "the VM is $state; monitoring ends");
            return 1;
        }
        my $count = heartbeat();
        return 1 if !defined $count;
        if (defined $last && $count == $last) {
            if ($has_risen) {
                log_line('I', "the heartbeat stalled at $count; monitoring ends");
                return 1;
            }
            $flat_checks++;
            if ($flat_checks >= $max_checks) {
                log_line('E', "the heartbeat did not rise in $max_checks checks (are VMware Tools running in the guest?)");
                return 1;
            }
        } elsif (defined $last) {
            $has_risen = 1;
        }
        $last = $count;
        sleep($check_interval);
    }
}
`;

/** clpvmmon.pl: the custom monitor's genw.sh. */
export function renderMonitor(parameters: MonitorParameters): string {
  return perlScript(
    [
      'Monitor the virtual machine: script (genw.sh) of its asynchronous custom monitor.',
      'After clpvmmon.pl, vSphere 4 System Configuration Guide, Appendix A.',
      ...GENERATED_NOTE,
      'It runs while the VM is on and its heartbeat rises; when it ends, the monitor reports',
      'a failure and ExpressCluster recovers the VM failover group.',
      '',
    ],
    powerSettings(parameters),
    [PERL_CORE, MONITOR],
  );
}
