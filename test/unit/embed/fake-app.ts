// A fake app chunk for widget tests: records how the widget starts and drives it, and lets each test
// decide when the chunk finishes loading (or fails to).
import { vi } from 'vitest';
import type { AppContext, AppHandle, AppModule } from '../../../src/embed/app-types';

export interface FakeApp {
  /** Pass to createWidget. */
  load: () => Promise<AppModule>;
  loads: number;
  /** Every context startApp was called with. */
  started: AppContext[];
  handle: { [K in keyof AppHandle]: ReturnType<typeof vi.fn> };
  /** When set, startApp throws it (a runtime the client cannot work in). */
  startError?: Error;
  /** When set, startApp does not report its UI mounted; the test calls `started[i].mounted()`. */
  mountLater?: boolean;
  /** Finishes the pending load(s) with the module, or with `error`. */
  finish(error?: Error): Promise<void>;
}

export function fakeApp(): FakeApp {
  const started: AppContext[] = [];
  const handle = {
    setVisibility: vi.fn(),
    setCustomer: vi.fn(),
    updatePage: vi.fn(),
    get: vi.fn((): unknown => undefined),
    dispose: vi.fn(),
  };
  const module: AppModule = {
    startApp: (context) => {
      if (app.startError) throw app.startError;
      started.push(context);
      // Like the real app, which owns the visibility once started: it reports each change it makes.
      let visibility = context.visibility;
      handle.setVisibility.mockImplementation((next: typeof visibility) => {
        if (next !== visibility) context.emit('visibility_changed', { visibility: (visibility = next) });
      });
      if (!app.mountLater) context.mounted();
      return handle as unknown as AppHandle;
    },
  };
  let pending: { resolve: (m: AppModule) => void; reject: (e: Error) => void }[] = [];
  const app: FakeApp = {
    loads: 0,
    started,
    handle,
    load: () => {
      app.loads++;
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    async finish(error) {
      const waiting = pending;
      pending = [];
      for (const p of waiting) (error ? p.reject(error) : p.resolve(module));
      // Let the widget's `then` callbacks run.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
  return app;
}

/** The widget host elements on the page. */
export const hosts = () => [...document.querySelectorAll('chatlet-widget')];

/** The launcher button of the only widget on the page. */
export function launcher(): HTMLButtonElement | null {
  return (hosts()[0]?.shadowRoot?.querySelector('button') as HTMLButtonElement | null) ?? null;
}
