import { describe, expect, it } from 'vitest';
import { createHandlers } from './handlers.js';
import { dispatch, type Handlers } from './ipc.js';

const handlers: Handlers = {
  ...createHandlers({ name: 'Cluster Builder', version: '0' }),
  'project:show': async (path) => ({
    ok: true,
    value: { clusterName: path, servers: [], groups: [], resources: 0, monitors: 0 },
  }),
};

describe('dispatch', () => {
  it('passes validated arguments to the handler', async () => {
    expect(await dispatch('project:show', ['/tmp/x'], handlers)).toMatchObject({
      ok: true,
      value: { clusterName: '/tmp/x' },
    });
  });

  it('refuses malformed arguments without calling the handler', async () => {
    expect(await dispatch('project:show', [42], handlers)).toMatchObject({
      ok: false,
      error: { kind: 'usage' },
    });
    expect(await dispatch('project:show', [], handlers)).toMatchObject({ ok: false });
  });

  it('refuses calls outside the contract, including prototype names', async () => {
    expect(await dispatch('shell:exec', [], handlers)).toMatchObject({
      ok: false,
      error: { message: 'unknown call shell:exec' },
    });
    expect(await dispatch('constructor', [], handlers)).toMatchObject({ ok: false });
  });
});
