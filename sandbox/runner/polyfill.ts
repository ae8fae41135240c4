/**
 * aws-local-stepfunctions calls `Promise.withResolvers`, which Node.js
 * gained in version 22. On Node.js 20 every Task state would fail without
 * this stand-in, so it is installed before the library runs.
 */
type Resolvers<T> = {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
};

const withResolvers = <T>(): Resolvers<T> => {
  let resolve!: Resolvers<T>['resolve'];
  let reject!: Resolvers<T>['reject'];
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  return { promise, resolve, reject };
};

const promiseStatics = Promise as unknown as {
  withResolvers?: typeof withResolvers;
};
promiseStatics.withResolvers ??= withResolvers;
