/**
 * Starts the plugin's gRPC server as the engine expects of a plugin: the engine's address comes as
 * the first argument (flags such as `--logtostderr`, `-v=9` and `--tracing <endpoint>` are the
 * engine's own and are skipped), the port is printed on stdout, and the process serves until the
 * engine is gone.
 */
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { EngineConnection } from "./engine";
import { grpc } from "./grpc";
import type { PluginProvider } from "./plugin-provider";
import { resourceProviderService } from "./resource-provider-service";

/** The engine's address among the plugin's arguments. */
export function engineAddressOf(args: readonly string[]): string | undefined {
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === "--tracing") {
            i++;
        } else if (!args[i].startsWith("-")) {
            positional.push(args[i]);
        }
    }
    return positional[0];
}

export interface Serving {
    port: number;
    /** Stops serving at once (what the process does when its engine is gone). */
    stop(): void;
}

/**
 * Serves `provider` on a free port of 127.0.0.1; resolves once it listens. When the engine is
 * gone, serving stops and `onEngineGone` runs (by default, the process ends).
 */
export async function serve(
    provider: PluginProvider,
    args: readonly string[],
    onEngineGone: () => void = () => process.exit(1),
): Promise<Serving> {
    const address = engineAddressOf(args);
    if (!address) {
        throw new Error(
            "pulumi-resource-ram-invitations is a Pulumi provider plugin: the Pulumi engine starts it with its " +
                "address. Use it from a Pulumi program (`pulumi up`), not on its own.",
        );
    }
    const engine = new EngineConnection(address);
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(
        providerRpc.ResourceProviderService as unknown as Parameters<typeof server.addService>[0],
        resourceProviderService(provider, engine) as unknown as Parameters<typeof server.addService>[1],
    );
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    const stopWatching = engine.watchHealth(() => {
        // Nothing is left to answer: end now rather than outlive a killed `pulumi up`.
        stop();
        onEngineGone();
    });
    const stop = () => {
        stopWatching();
        server.forceShutdown();
    };
    return { port, stop };
}
