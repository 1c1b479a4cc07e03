/**
 * Serves the plugin with the SDK's provider server (`main` of `@pulumi/pulumi/provider`), corrected
 * where it falls short of the engine's protocol:
 *
 * - `pulumi import` sends Read with an id and no properties (there is no state yet), and the
 *   server's `read` dereferences the missing properties (`getProperties().toJavaScript()`), so every
 *   import would fail with "Cannot read properties of undefined". It is given empty properties.
 *
 * The server's class is not exported; the correction reaches it through the one gRPC module that
 * the SDK loads (resolved from the SDK's own folder): the service implementation passes through
 * `Server.addService`, and its `read` is wrapped there before any request can arrive.
 */
import * as path from "node:path";
import { main, Provider } from "@pulumi/pulumi/provider";

interface ReadCall {
    request: { getProperties(): unknown; setProperties(value: unknown): void };
}
type Handler = (call: ReadCall, callback: unknown) => unknown;
interface GrpcModule {
    Server: { prototype: { addService(service: unknown, implementation: Record<string, Handler>): void } };
}

/** A module as the SDK itself resolves it. */
function requireFromSdk<T>(id: string): T {
    const sdkFolder = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    return require(require.resolve(id, { paths: [sdkFolder] })) as T;
}

function correctReadWithoutProperties(): void {
    const grpc = requireFromSdk<GrpcModule>("@grpc/grpc-js");
    const { Struct } = requireFromSdk<{ Struct: { fromJavaScript(value: object): unknown } }>(
        "google-protobuf/google/protobuf/struct_pb",
    );
    const addService = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (service, implementation) {
        const read = implementation.read;
        implementation.read = function (this: unknown, call, callback) {
            if (!call.request.getProperties()) {
                call.request.setProperties(Struct.fromJavaScript({}));
            }
            return read.call(this, call, callback);
        };
        return addService.call(this, service, implementation);
    };
}

/** Starts the gRPC server for `provider` and prints its port, as the engine expects of a plugin. */
export function serve(provider: Provider, args: string[]): Promise<void> {
    correctReadWithoutProperties();
    return main(provider, args);
}
