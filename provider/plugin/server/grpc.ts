/**
 * gRPC as the Pulumi SDK loads it. The SDK's generated service stubs and clients require their own
 * copy of @grpc/grpc-js; the server and credentials they are given must come from that same copy, so
 * it is resolved from the SDK's folder rather than from this package's.
 */
import * as path from "node:path";
import type * as GrpcModule from "@grpc/grpc-js";

function requireFromSdk<T>(id: string): T {
    const sdkFolder = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

    return require(require.resolve(id, { paths: [sdkFolder] })) as T;
}

export const grpc = requireFromSdk<typeof GrpcModule>("@grpc/grpc-js");
