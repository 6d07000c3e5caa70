// How Debian's Chromium is started here, for the end-to-end tests (chromium.ts) and the UI
// benchmark (bench/ui.mjs) alike: plain JavaScript so that the benchmark can import it.

/** Options for playwright-core's `chromium.launchPersistentContext`. */
export function chromiumOptions(viewport) {
  return {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Without the background-networking flags Chromium keeps calling out of this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport,
    locale: 'en-US',
  };
}
