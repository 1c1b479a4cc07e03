/**
 * The parts of Pulumi's Node.js SDK that its own provider server uses for Construct and that its
 * typings leave out (marked internal): the async state store per request, the runtime's feature
 * and RPC bookkeeping, the rebuilding of a construct request's inputs, and an Output's promise.
 * Typed here once, so that the rest of the server stays typed.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import type * as structProto from "google-protobuf/google/protobuf/struct_pb";

const state = require("@pulumi/pulumi/runtime/state") as {
    withLocalStorage<T>(work: () => Promise<T>): Promise<T>;
};
const settings = require("@pulumi/pulumi/runtime/settings") as {
    awaitFeatureSupport(): Promise<void>;
    waitForRPCs(): Promise<void>;
};
const server = require("@pulumi/pulumi/provider/server") as {
    deserializeInputs(
        inputs: structProto.Struct,
        dependencies: ReturnType<providerProto.ConstructRequest["getInputdependenciesMap"]>,
    ): Promise<pulumi.Inputs>;
};

export const { withLocalStorage } = state;
export const { awaitFeatureSupport, waitForRPCs } = settings;
export const { deserializeInputs } = server;

/** The value of an Output, known or not (an unknown one resolves to undefined). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
    return (output as unknown as { promise(): Promise<T> }).promise();
}
