/**
 * Declares resources one at a time, yielding to the event loop after each. Pulumi's SDK sends a
 * resource's registration only once the program yields, and declaring one costs a few milliseconds
 * (Pulumi records a stack trace for each of its properties). A synchronous loop would keep every
 * registration back until the last resource is declared, with the engine idle; yielding lets the
 * engine start the provider and reject the first invitations meanwhile.
 */
export async function declareInTurn<T, R>(items: readonly T[], declare: (item: T) => R): Promise<R[]> {
    const declared: R[] = [];
    for (const item of items) {
        declared.push(declare(item));
        await new Promise((resolve) => setImmediate(resolve));
    }
    return declared;
}
