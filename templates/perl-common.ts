/**
 * What the three Perl VM scripts share: the frame (shebang, pragmas, the profile's values)
 * and the subroutines that run vmware-cmd and read its answers.
 *
 * The Perl is written for the ESX 4 Service Console, whose Perl is 5.8: no `//`, `say`,
 * `s///r` or `state`. vmware-cmd is always run with its arguments as a list, so no shell ever
 * parses a profile value (the guide's samples built one command string for the shell).
 */

/** One line of the configuration block: variable, Perl literal, and what it is. */
export type PerlSetting = readonly [name: string, literal: string, comment: string];

/** The frame of a Perl VM script; the header line goes in at line 1, after the shebang. */
export function perlScript(
  purpose: readonly string[],
  settings: readonly PerlSetting[],
  sections: readonly string[],
): string {
  const width = Math.max(...settings.map(([name]) => name.length));
  const config = settings.flatMap(([name, literal, comment]) => [
    `# ${comment}`,
    `my $${name.padEnd(width)} = ${literal};`,
  ]);
  return [
    '#!/usr/bin/perl -w',
    ...purpose.map((line) => (line === '' ? '#' : `# ${line}`)),
    'use strict;',
    'use warnings;',
    'use POSIX ();',
    '',
    '# ---- the VM profile (project.json vmProfile) ----',
    ...config,
    '',
    ...sections
      .map((section) => section.replace(/^\n+|\n+$/g, ''))
      .join('\n\n')
      .split('\n'),
    '',
    'exit(main());',
    '',
  ].join('\n');
}

/** Logging, running vmware-cmd, and reading the VM's state: every VM script uses these. */
export const PERL_CORE = String.raw`
# ---- running vmware-cmd ----
$| = 1;    # log lines reach the product's log in order, even if the script is stopped

# The VM's name for the log: its configuration file's name without the extension.
my $vm_name = $vmx;
$vm_name =~ s{\A.*/}{}s;
$vm_name =~ s{\.[^.]*\z}{}s;

# Prints one log line: date and time, level (I, E, D), the VM, the message.
sub log_line {
    my ($level, $message) = @_;
    print POSIX::strftime('%Y/%m/%d %H:%M:%S', localtime()), " [$level] [$vm_name] $message\n";
    return;
}

# Starts vmware-cmd with its arguments as a list, standard error merged into its output.
# Returns the child's pid and its output, or nothing when it cannot start.
sub spawn_vmware_cmd {
    my @arguments = @_;
    my $pid = open(my $output, '-|');
    if (!defined $pid) {
        log_line('E', "cannot run $vmware_cmd: $!");
        return;
    }
    if ($pid == 0) {
        open(STDERR, '>&', \*STDOUT) or POSIX::_exit(127);
        exec { $vmware_cmd } $vmware_cmd, @arguments
            or syswrite(STDOUT, "cannot execute $vmware_cmd: $!\n");
        POSIX::_exit(127);
    }
    return ($pid, $output);
}

# A child's exit status from a wait status: -1 when it did not run, 128 + n after signal n.
sub exit_status {
    my ($wait) = @_;
    return -1 if $wait == -1;
    return 128 + ($wait & 127) if $wait & 127;
    return $wait >> 8;
}

# Runs vmware-cmd to its end; returns its exit status and its output lines.
sub run_vmware_cmd {
    my ($pid, $output) = spawn_vmware_cmd(@_);
    return (-1) if !defined $pid;
    my @lines = <$output>;
    close($output);
    my $status = exit_status($?);
    chomp(@lines);
    return ($status, @lines);
}

# One log line out of what a vmware-cmd printed and how it ended.
sub summary {
    my ($status, @lines) = @_;
    my $text = join(' / ', grep { /\S/ } @lines);
    return ($text eq '' ? '(no output)' : $text) . " (exit $status)";
}

# The VM's execution state as vmware-cmd names it (on, off, suspended, stuck, unknown), or ''
# when it cannot say (the VM is not registered on this host, vmware-cmd failed).
sub vm_state {
    my ($is_quiet) = @_;
    my ($status, @lines) = run_vmware_cmd($vmx, 'getstate');
    foreach my $line (@lines) {
        if ($line =~ /\Agetstate\(\) = (\w+)\s*\z/) {
            log_line('D', "execution state: $1") if !$is_quiet;
            return $1;
        }
    }
    log_line('E', 'cannot get the execution state: ' . summary($status, @lines));
    return '';
}
`;

/** Registration and waiting for a power state: the power-on and power-off scripts use these. */
export const PERL_POWER = String.raw`
# ---- registration and power state ----
# 1 when the VM is registered on this host, 0 when it is not, undef when vmware-cmd cannot say.
sub is_registered {
    my ($status, @lines) = run_vmware_cmd('-l');
    if ($status != 0) {
        log_line('E', 'cannot list the registered VMs: ' . summary($status, @lines));
        return;
    }
    # Compared as text: the path is data, never a pattern (the guide's sample matched a regex).
    foreach my $line (@lines) {
        (my $path = $line) =~ s/\s+\z//;
        return 1 if $path eq $vmx;
    }
    return 0;
}

# Registers or unregisters the VM ('register' or 'unregister'). Success is judged by the list
# of registered VMs afterwards, not by what vmware-cmd prints.
sub set_registration {
    my ($operation) = @_;
    my $wanted = $operation eq 'register' ? 1 : 0;
    my $registered = is_registered();
    return 0 if !defined $registered;
    if ($registered == $wanted) {
        log_line('I', $wanted ? 'already registered on this host' : 'already unregistered');
        return 1;
    }
    my ($status, @lines) = run_vmware_cmd('-s', $operation, $vmx);
    my $now = is_registered();
    if (defined $now && $now == $wanted) {
        log_line('I', $wanted ? 'registered' : 'unregistered');
        return 1;
    }
    log_line('E', "could not $operation the VM: " . summary($status, @lines));
    return 0;
}

# Checks the state up to $max_checks times, $interval seconds apart, until it is $wanted.
sub wait_for_state {
    my ($wanted, $interval) = @_;
    for (my $check = 1; $check <= $max_checks; $check++) {
        if (vm_state() eq $wanted) {
            log_line('I', "powered $wanted (check $check)");
            return 1;
        }
        sleep($interval) if $check < $max_checks;
    }
    log_line('E', "not powered $wanted after $max_checks checks");
    return 0;
}
`;
