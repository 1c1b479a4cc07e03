/**
 * Pauses the stack traces Pulumi's SDK takes for its own promises while a resource registers.
 *
 * Registering a resource, Pulumi makes four promises for each of its properties and records a
 * stack trace on each (`debuggablePromise`), kept only to be printed when a program exits with
 * promises unresolved and PULUMI_DEBUG_PROMISE_LEAKS is set. Under ts-node, as Pulumi runs a
 * TypeScript program, every trace is mapped frame by frame through source maps: at N = 1000
 * rejections that was 7.7 of the program's 17 CPU seconds, all in the synchronous part of each
 * `new`, which paces the whole update (the engine starts a resource only once it is registered).
 * With Error.stackTraceLimit at 0 those traces are empty and cost nothing.
 *
 * What stays as it was: the resource's own stack trace and source position, which Pulumi keeps in
 * state and takes with Error.stackTraceLimit set to Infinity itself (the root project's end-to-end
 * test reads them from state); every trace taken outside the constructor; and, with
 * PULUMI_DEBUG_PROMISE_LEAKS set, every trace (nothing is paused).
 */
export interface PausedPromiseTraces {
    /** Ends the pause (again: a no-op). */
    end(): void;
    /** Ends the pause and gives `error` the stack of the constructor's caller (it was taken with none). */
    endWithStack(error: unknown, constructor: abstract new (...args: never[]) => unknown): unknown;
}

export function pausePromiseTraces(): PausedPromiseTraces {
    if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
        return { end: () => undefined, endWithStack: (error) => error };
    }
    const limit = Error.stackTraceLimit;
    let paused = true;
    Error.stackTraceLimit = 0;
    const end = () => {
        if (paused) {
            Error.stackTraceLimit = limit;
            paused = false;
        }
    };
    return {
        end,
        endWithStack(error, constructor) {
            end();
            if (error instanceof Error) {
                Error.captureStackTrace(error, constructor);
            }
            return error;
        },
    };
}
