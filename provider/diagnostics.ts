/**
 * Messages from inside the provider process. That process has no connection to the engine's
 * log service, so messages go to stderr, which the engine shows in the update's output.
 */
export function warn(message: string): void {
    process.stderr.write(`warning: ${message}\n`);
}

export function info(message: string): void {
    process.stderr.write(`${message}\n`);
}
