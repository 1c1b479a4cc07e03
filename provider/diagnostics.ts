/**
 * Warnings and notices from inside the provider, for the user to read in Pulumi's output.
 *
 * The core says what to report; the shell that runs it says where it goes. The provider plugin
 * runs each request inside {@link withDiagnostics}, with a sink that sends the message to the
 * engine's log on the resource's URN (as every native provider does), so a YAML, Python or Go user
 * sees it on the resource's line. Outside such a request (the dynamic provider's process), a message
 * goes to stderr, which the engine shows in the update's output for a dynamic provider.
 *
 * The sink travels with the request through Node's AsyncLocalStorage, so nothing in the core passes
 * it along. That store is made on first use and kept on `globalThis`: a module-level object would
 * not survive Pulumi serializing the dynamic provider by value (see provider-module-scope.test.ts).
 */
import type { AsyncLocalStorage } from "node:async_hooks";

export type Severity = "warning" | "info";

/** Where the messages of one request go. */
export type DiagnosticSink = (severity: Severity, message: string) => void;

const STORE_KEY = "__pulumiRamInvitationsDiagnostics";

function sinks(): AsyncLocalStorage<DiagnosticSink> {
    const holder = globalThis as unknown as Record<string, AsyncLocalStorage<DiagnosticSink> | undefined>;

    holder[STORE_KEY] ??= new (require("node:async_hooks") as typeof import("node:async_hooks")).AsyncLocalStorage();
    return holder[STORE_KEY];
}

/** Runs `work` with its messages (and those of everything it starts) sent to `sink`. */
export function withDiagnostics<T>(sink: DiagnosticSink, work: () => T): T {
    return sinks().run(sink, work);
}

function report(severity: Severity, message: string): void {
    const sink = sinks().getStore();
    if (sink) {
        sink(severity, message);
    } else {
        process.stderr.write(severity === "warning" ? `warning: ${message}\n` : `${message}\n`);
    }
}

export function warn(message: string): void {
    report("warning", message);
}

export function info(message: string): void {
    report("info", message);
}
