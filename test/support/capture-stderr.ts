/**
 * Runs `action` and returns what it wrote to this process's stderr meanwhile, as well as passing
 * it through. The provider reports warnings on stderr (see provider/diagnostics.ts).
 */
export async function capturingStderr<T>(action: () => Promise<T>): Promise<{ result: T; stderr: string }> {
    const original = process.stderr.write.bind(process.stderr);
    let stderr = "";
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
        return { result: await action(), stderr };
    } finally {
        process.stderr.write = original;
    }
}
