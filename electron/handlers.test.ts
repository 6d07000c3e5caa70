import { describe, expect, it } from 'vitest';
import { apiOf } from './api-shape.js';
import { contract } from './contract.js';
import { createHandlers } from './handlers.js';

describe('the contract and its handlers', () => {
  it('has exactly one handler per contract call, and the api names every call', () => {
    const handlers = createHandlers({ name: 'test', version: '0' });
    const calls = Object.keys(contract).sort();
    expect(Object.keys(handlers).sort()).toEqual(calls);

    const named: string[] = [];
    apiOf((name) => {
      named.push(name);
      return async () => {
        throw new Error('not called');
      };
    });
    expect(named.sort()).toEqual(calls);
  });
});
