/** Options for playwright-core's `chromium.launchPersistentContext` (see chromium-options.mjs). */
export function chromiumOptions(viewport: { width: number; height: number }): {
  executablePath: string;
  headless: boolean;
  args: string[];
  viewport: { width: number; height: number };
  locale: string;
};
