/**
 * jsdom has no layout: for component tests, give elements a height, give a scroll container
 * the height of its content (the tallest child's inline height, as the virtualized list sets
 * it), and make scrollTo move scrollTop and then fire `scroll` as a browser does, so the
 * virtualized tree renders what a real window of that height shows. Test-only; returns an undo.
 */
export function fakeScrollLayout(height: number): () => void {
  const overrides: ReadonlyArray<[object, string, PropertyDescriptor]> = [
    [HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height }],
    [HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 280 }],
    [
      Element.prototype,
      'scrollHeight',
      {
        configurable: true,
        get(this: Element) {
          const heights = Array.from(this.children).map(
            (child) => parseFloat((child as HTMLElement).style.height) || 0,
          );
          return Math.max(height, ...heights);
        },
      },
    ],
    [
      Element.prototype,
      'scrollTo',
      {
        configurable: true,
        value(this: HTMLElement, options: ScrollToOptions) {
          this.scrollTop = options.top ?? this.scrollTop;
          // Browsers fire `scroll` later, never inside the call.
          setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
        },
      },
    ],
  ];
  const saved = overrides.map(
    ([target, name]) => [target, name, Object.getOwnPropertyDescriptor(target, name)] as const,
  );
  overrides.forEach(([target, name, descriptor]) =>
    Object.defineProperty(target, name, descriptor),
  );
  return () => {
    for (const [target, name, descriptor] of saved) {
      if (descriptor) {
        Object.defineProperty(target, name, descriptor);
      } else {
        delete (target as Record<string, unknown>)[name];
      }
    }
  };
}
