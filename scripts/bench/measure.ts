/** What the benchmarks share: call counts, timing, medians, progress. */
import type { CallLogEntry } from "../../emulator";

/** The RAM calls of one phase: GetResourceShareInvitations (reads) and RejectResourceShareInvitation (writes). */
export interface PhaseCalls {
    reads: number;
    writes: number;
}

export function countCalls(calls: CallLogEntry[]): PhaseCalls {
    return {
        reads: calls.filter((c) => c.operation === "GetResourceShareInvitations").length,
        writes: calls.filter((c) => c.operation === "RejectResourceShareInvitation").length,
    };
}

export function progress(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

export async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
    const started = process.hrtime.bigint();
    const result = await run();
    return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
