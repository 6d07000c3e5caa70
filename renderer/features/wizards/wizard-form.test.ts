/**
 * The wizards' forms, without a window: text fields to the core's options and back, and
 * errors keyed by the field the user types in.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_VMX } from '../../../schemas/index.js';
import {
  checkNewCluster,
  checkProfile,
  newClusterForm,
  profileForm,
  profileInput,
  wizardInput,
} from './wizard-form.js';

describe('profile form', () => {
  it('keeps keys the form does not show, drops blanked ones, and reads numbers', () => {
    const stored = { side: 'host', vmx: EXAMPLE_VMX, maxChecks: 100, futureKey: [1, 2] };
    const form = profileForm(stored);
    expect(form.vmx).toBe(EXAMPLE_VMX);
    expect(form.maxChecks).toBe('100');
    const edited = profileInput({ ...form, maxChecks: '', checkInterval: '3' }, stored);
    expect(edited).toEqual({ side: 'host', vmx: EXAMPLE_VMX, checkInterval: 3, futureKey: [1, 2] });
  });

  it('splits address lists on commas and spaces, and errors land on the list field', () => {
    const form = { ...profileForm(), esxAddresses: '10.0.0.1,10.0.0.2  10.0.0.3' };
    expect(profileInput(form)['esxAddresses']).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    const errors = checkProfile(profileInput({ ...form, esxAddresses: '10.0.0.1 10.0.0.1' }));
    expect(errors).toEqual({ 'profile.esxAddresses': 'must not list an address twice' });
  });

  it('passes a number field that is not a number to the schema, which refuses it', () => {
    const errors = checkProfile(profileInput({ ...profileForm(), startTimeout: '10s' }));
    expect(Object.keys(errors)).toEqual(['profile.startTimeout']);
  });
});

describe('New cluster form', () => {
  it('builds the options of clpbuilder new, leaving blanks to the defaults', () => {
    const form = {
      ...newClusterForm(),
      topology: 'inter-guest-shared' as const,
      servers: [{ name: ' vm1 ', addresses: '10.0.0.1, 192.168.0.1' }],
      diskType: 'rdm' as const,
    };
    expect(wizardInput(form)).toEqual({
      topology: 'inter-guest-shared',
      name: 'cluster',
      servers: [{ name: 'vm1', addresses: ['10.0.0.1', '192.168.0.1'] }],
      facts: { diskType: 'rdm' },
      profile: {},
    });
    expect(checkNewCluster(form)).toEqual({});
  });

  it('keys errors by the field the user types in', () => {
    const form = {
      ...newClusterForm(),
      productVersion: '2.1',
      servers: [{ name: 'esx1', addresses: '10.0.0.1 10.0.0.256' }],
    };
    const errors = checkNewCluster(form);
    expect(errors['servers.0.addresses']).toMatch(/must be an IPv4 address/);
    expect(errors['productVersion']).toMatch(/major\.minor\.patch-build/);
    expect(Object.keys(errors).sort()).toEqual(['productVersion', 'servers.0.addresses']);
  });
});
