/**
 * An error nothing awaits (an uncaught exception, an unhandled rejection) would end the plugin's
 * process on Node.js, taking every request of the deployment with it. Construct runs a program of
 * its own (the policy's children registered with the monitor), where such an error can arise, so
 * the server catches them as Pulumi's SDK server does: it reports each on stderr, and fails the
 * requests it may belong to, instead of leaving them waiting forever.
 */

const inFlight = new Set<(error: unknown) => void>();
let installed = false;

function failInFlight(error: unknown): void {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    for (const fail of inFlight) {
        fail(error);
    }
}

/** `work`, failed by any error that nothing awaits while it runs. */
export function failedByUncaughtErrors<T>(work: () => Promise<T>): Promise<T> {
    if (!installed) {
        process.on("uncaughtException", failInFlight);
        process.on("unhandledRejection", failInFlight);
        installed = true;
    }
    return new Promise<T>((resolve, reject) => {
        inFlight.add(reject);
        work()
            .then(resolve, reject)
            .finally(() => inFlight.delete(reject));
    });
}
