/**
 * The SDK's provider server prints an error's stack next to its message. The provider's own
 * errors already say what happened and what to do; a stack of this package's internals would
 * only bury that, so the message alone is kept.
 */

/** `error` with its message as its whole stack. */
export function withoutStack(error: unknown): unknown {
    if (error instanceof Error) {
        error.stack = error.message;
    }
    return error;
}

/** The result of `work`, or its error without the stack. */
export async function withoutStackTrace<T>(work: Promise<T>): Promise<T> {
    try {
        return await work;
    } catch (error) {
        throw withoutStack(error);
    }
}
