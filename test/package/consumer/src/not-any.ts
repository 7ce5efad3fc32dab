// Fails to compile when T is `any`: what a consumer gets if the package's types do not resolve.
export type IsAny<T> = 0 extends 1 & T ? true : false;
export const notAny = <T>(_value: IsAny<T> extends true ? never : T): void => {};
