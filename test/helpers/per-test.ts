// Values a describe block shares, made afresh inside each test that reads them. A mutation run (Stryker)
// switches its change on per test, so a value computed while the file is collected, or in a beforeAll
// hook, never sees the change and its tests can kill nothing; computed inside the test, it does.
import { expect } from 'vitest';

/** An object standing for `make()`, computed on first use within each test (and once per test only). */
export function perTest<T extends object>(make: () => T): T {
  let test: string | undefined;
  let value: T | undefined;
  const current = (): T => {
    const name = expect.getState().currentTestName;
    if (value === undefined || name !== test) {
      value = make();
      test = name;
    }
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(current(), key) as unknown,
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), key);
      return d && { ...d, configurable: true };
    },
  });
}
