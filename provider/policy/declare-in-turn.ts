/**
 * Declares resources one at a time, each in a turn of the event loop of its own. Pulumi's SDK
 * sends a resource's registration only once the program yields, and declaring one costs a few
 * milliseconds (Pulumi records a stack trace for each of its properties). A synchronous loop would
 * keep every registration back until the last resource is declared, with the engine idle; yielding
 * lets the engine start the provider and reject the first invitations meanwhile.
 *
 * Each resource is declared from a `setImmediate` callback, not after an `await`: after an await,
 * V8 appends the chain of awaiting callers to every stack trace (here Pulumi's own runtime, six
 * frames), and Pulumi keeps the stack trace of a resource's registration in its state entry. The
 * engine rewrites every entry after every step, so each frame costs bytes N times over; a fresh
 * turn keeps the trace to the frames that say where the resource was declared.
 */
export async function declareInTurn<T, R>(items: readonly T[], declare: (item: T) => R): Promise<R[]> {
    const declared: R[] = [];
    for (const item of items) {
        declared.push(await inTurnOfItsOwn(() => declare(item)));
    }
    return declared;
}

/** Runs `work` from a `setImmediate` callback: a stack that starts there, with no awaiting callers. */
function inTurnOfItsOwn<R>(work: () => R): Promise<R> {
    return new Promise((resolve, reject) =>
        setImmediate(() => {
            try {
                resolve(work());
            } catch (error) {
                reject(error);
            }
        }),
    );
}
