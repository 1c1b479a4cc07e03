import { expect } from "chai";

/**
 * Awaits `promise`, which must fail, and returns its error for further assertions; fails the test
 * when it succeeds or rejects with something that is not an Error (or not an instance of `type`).
 */
export async function expectFailure<E extends Error = Error>(
    promise: Promise<unknown>,
    type: abstract new (...args: never[]) => E = Error as never,
): Promise<E> {
    const outcome = await promise.then(
        () => ({ failed: false as const }),
        (error: unknown) => ({ failed: true as const, error }),
    );
    expect(outcome.failed, "expected a failure, but it succeeded").to.equal(true);
    const { error } = outcome as { error: unknown };
    expect(error).to.be.instanceOf(type);
    return error as E;
}
