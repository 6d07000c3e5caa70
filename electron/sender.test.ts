import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender.js';

const renderer = pathToFileURL(
  '/opt/Cluster Builder/resources/app.asar/dist/renderer/index.html',
).href;

describe('isTrustedSender', () => {
  it('answers the top frame of our own page, whatever its query or fragment', () => {
    expect(isTrustedSender({ url: renderer, parent: null }, renderer)).toBe(true);
    expect(isTrustedSender({ url: `${renderer}?lang=ja#tree`, parent: null }, renderer)).toBe(true);
  });

  it('refuses unknown senders: other files, other schemes, subframes, no frame', () => {
    const refused = [
      { url: pathToFileURL('/tmp/evil/index.html').href, parent: null },
      { url: 'http://127.0.0.1:8080/index.html', parent: null },
      { url: 'data:text/html,<script>1</script>', parent: null },
      { url: renderer, parent: { url: renderer } },
      { url: 'not a url', parent: null },
    ];
    for (const frame of refused) {
      expect(isTrustedSender(frame, renderer)).toBe(false);
    }
    expect(isTrustedSender(null, renderer)).toBe(false);
    expect(isTrustedSender(undefined, renderer)).toBe(false);
  });
});
