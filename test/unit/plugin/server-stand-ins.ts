/**
 * What the provider server's tests run it against: a stand-in engine (its Log service and a health
 * check, until stopped), a provider that records every call, and the gRPC client's shape.
 */
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type { ServiceError } from "@grpc/grpc-js";
import { warn } from "../../../provider/diagnostics";
import { grpc } from "../../../provider/plugin/server/grpc";
import type { PluginProvider } from "../../../provider/plugin/server/plugin-provider";

/** A stand-in for the engine: records Log requests, answers health checks until stopped. */
export async function startEngine(): Promise<{
    address: string;
    logs: engineProto.LogRequest.AsObject[];
    stop(): void;
}> {
    const server = new grpc.Server();
    const logs: engineProto.LogRequest.AsObject[] = [];
    server.addService(
        engineRpc.EngineService as never,
        {
            log: (call: { request: engineProto.LogRequest }, callback: (e: null, r: emptyProto.Empty) => void) => {
                logs.push(call.request.toObject());
                callback(null, new emptyProto.Empty());
            },
        } as never,
    );
    const bytes = (value: Buffer) => value;
    const health = {
        check: {
            path: "/grpc.health.v1.Health/Check",
            requestStream: false,
            responseStream: false,
            requestSerialize: bytes,
            requestDeserialize: bytes,
            responseSerialize: bytes,
            responseDeserialize: bytes,
        },
    };
    server.addService(
        health as never,
        {
            check: (_call: unknown, callback: (e: null, r: Buffer) => void) => callback(null, Buffer.from([8, 1])),
        } as never,
    );
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
            e ? reject(e) : resolve(p),
        ),
    );
    return { address: `127.0.0.1:${port}`, logs, stop: () => server.forceShutdown() };
}

/** Records every call; answers as a provider of this shape would. */
export function recordingProvider(calls: { method: string; args: unknown[] }[]): PluginProvider {
    const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
    return {
        version: "9.8.7",
        schema: '{"name":"ram-invitations"}',
        checkConfig: async (urn, olds, news) => {
            record("checkConfig", urn, olds, news);
            return {
                inputs: news,
                failures: [{ property: "roleArn", reason: "ram-invitations:roleArn is not a role" }],
            };
        },
        diffConfig: async (olds, news) => (record("diffConfig", olds, news), { changes: true, replaces: [] }),
        configure: async (args, identity) => void record("configure", args, identity),
        check: async (urn, olds, news) => {
            record("check", urn, olds, news);
            warn("the invitation has expired");
            return { inputs: { ...news, clientToken: "t" }, failures: [] };
        },
        diff: async (id, urn, olds, news) => (
            record("diff", id, urn, olds, news),
            { changes: true, replaces: ["invitationArn"] }
        ),
        create: async (urn, inputs, preview) => {
            record("create", urn, inputs, preview);
            if (inputs.refuse) {
                throw new Error("RAM refuses: it was already accepted");
            }
            return { id: preview ? "" : "arn:1", outs: { ...inputs, status: "REJECTED" } };
        },
        read: async (id, urn, props) => {
            record("read", id, urn, props);
            return { id, props: { status: "REJECTED" }, inputs: props ? undefined : { invitationArn: id } };
        },
        update: async (id, urn, olds, news, preview) => (
            record("update", id, urn, olds, news, preview),
            { outs: news }
        ),
        delete: async (id, urn, props) => void record("delete", id, urn, props),
        construct: async () => {
            throw new Error("not in this test");
        },
        invoke: async (token, args) => (record("invoke", token, args), { outputs: { invitations: [] } }),
    };
}

export type Client = Record<
    string,
    (request: unknown, callback: (error: ServiceError | null, response: never) => void) => void
>;
