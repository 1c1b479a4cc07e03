/**
 * Pulumi's provider protocol (the `pulumirpc.ResourceProvider` gRPC service whose stubs the SDK
 * ships) served over a {@link PluginProvider}: each method turns the request into plain values,
 * runs the provider's answer with its messages sent to the engine's log on the request's URN, and
 * turns the answer (or the error, without a stack) back into the response.
 *
 * What Pulumi's SDK server leaves out, and why it matters here:
 * - Handshake and Configure say `supportsPreview`, so the engine calls Create in a preview too, with
 *   `preview` set: what RAM will refuse fails the preview on its own resource, and in `up` that
 *   resource alone fails while the others are applied.
 * - CheckConfig, DiffConfig and Configure carry the provider's configuration (explicit providers).
 * - Read without properties is `pulumi import`.
 * - Diagnostics go to the engine's log (a plugin's stderr is not shown).
 */
import type * as grpcTypes from "@grpc/grpc-js";
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { withDiagnostics } from "../../diagnostics";
import { constructOnEngine } from "./construct";
import type { EngineConnection } from "./engine";
import { grpc } from "./grpc";
import { failedByUncaughtErrors } from "./uncaught-errors";
import type { CheckFailure, CheckResult, DiffResult, PluginProvider, Properties } from "./plugin-provider";

type Handler = (call: { request: unknown }, callback: grpcTypes.sendUnaryData<unknown>) => void;

/** A request's properties as plain JSON; absent ones (an import's Read) as undefined. */
function propertiesOf(struct: structProto.Struct | undefined): Properties | undefined {
    return struct ? (struct.toJavaScript() as Properties) : undefined;
}

/** Properties for a response: values that are undefined are left out, as protobuf has no such value. */
function toStruct(properties: Properties | undefined): structProto.Struct {
    return structProto.Struct.fromJavaScript(JSON.parse(JSON.stringify(properties ?? {})));
}

/** The error as the engine shows it: the provider's message, which says what happened and what to do. */
function toGrpcError(error: unknown): grpcTypes.ServiceError {
    const message = error instanceof Error ? error.message : String(error);
    return Object.assign(new Error(message), {
        code: grpc.status.UNKNOWN,
        details: message,
        metadata: new grpc.Metadata(),
    });
}

function checkFailures(failures: CheckFailure[]): providerProto.CheckFailure[] {
    return failures.map((failure) =>
        new providerProto.CheckFailure().setProperty(failure.property).setReason(failure.reason),
    );
}

function checkResponse(result: CheckResult): providerProto.CheckResponse {
    return new providerProto.CheckResponse()
        .setInputs(toStruct(result.inputs))
        .setFailuresList(checkFailures(result.failures));
}

function diffResponse(result: DiffResult): providerProto.DiffResponse {
    const response = new providerProto.DiffResponse();
    const { DIFF_SOME, DIFF_NONE, DIFF_UNKNOWN } = providerProto.DiffResponse.DiffChanges;
    response.setChanges(result.changes === undefined ? DIFF_UNKNOWN : result.changes ? DIFF_SOME : DIFF_NONE);
    response.setReplacesList(result.replaces ?? []);
    response.setDeletebeforereplace(result.deleteBeforeReplace ?? false);
    return response;
}

export function resourceProviderService(provider: PluginProvider, engine: EngineConnection): Record<string, Handler> {
    /** A unary method: `answer` runs with its messages on `urnOf(request)`; they are delivered before the reply. */
    function unary<Request>(
        urnOf: (request: Request) => string | undefined,
        answer: (request: Request) => Promise<unknown>,
    ): Handler {
        return (call, callback) => {
            const request = call.request as Request;
            const urn = urnOf(request);
            withDiagnostics(engine.sinkFor(urn), () => answer(request)).then(
                (response) => void engine.flushed().then(() => callback(null, response)),
                (error: unknown) => void engine.flushed().then(() => callback(toGrpcError(error))),
            );
        };
    }
    const noUrn = () => undefined;

    return {
        handshake: unary<providerProto.ProviderHandshakeRequest>(noUrn, async () => {
            const response = new providerProto.ProviderHandshakeResponse();
            response.setAcceptSecrets(true);
            response.setAcceptResources(true);
            response.setAcceptOutputs(false);
            return response;
        }),
        getPluginInfo: unary(noUrn, async () => new pluginProto.PluginInfo().setVersion(provider.version)),
        getSchema: unary<providerProto.GetSchemaRequest>(noUrn, async (request) => {
            if (request.getVersion() !== 0) {
                throw new Error(`unsupported schema version ${request.getVersion()}`);
            }
            return new providerProto.GetSchemaResponse().setSchema(provider.schema);
        }),
        checkConfig: unary<providerProto.CheckRequest>(
            (request) => request.getUrn(),
            async (request) =>
                checkResponse(
                    await provider.checkConfig(
                        request.getUrn(),
                        propertiesOf(request.getOlds()) ?? {},
                        propertiesOf(request.getNews()) ?? {},
                    ),
                ),
        ),
        diffConfig: unary<providerProto.DiffRequest>(
            (request) => request.getUrn(),
            async (request) =>
                diffResponse(
                    await provider.diffConfig(
                        propertiesOf(request.getOlds()) ?? {},
                        propertiesOf(request.getNews()) ?? {},
                    ),
                ),
        ),
        configure: unary<providerProto.ConfigureRequest>(
            (request) => request.getUrn(),
            async (request) => {
                await provider.configure(propertiesOf(request.getArgs()) ?? variablesOf(request), {
                    urn: request.getUrn(),
                });
                const response = new providerProto.ConfigureResponse();
                response.setAcceptsecrets(true);
                response.setAcceptresources(true);
                response.setSupportspreview(true);
                return response;
            },
        ),
        check: unary<providerProto.CheckRequest>(
            (request) => request.getUrn(),
            async (request) =>
                checkResponse(
                    await provider.check(
                        request.getUrn(),
                        propertiesOf(request.getOlds()) ?? {},
                        propertiesOf(request.getNews()) ?? {},
                    ),
                ),
        ),
        diff: unary<providerProto.DiffRequest>(
            (request) => request.getUrn(),
            async (request) =>
                diffResponse(
                    await provider.diff(
                        request.getId(),
                        request.getUrn(),
                        propertiesOf(request.getOlds()) ?? {},
                        propertiesOf(request.getNews()) ?? {},
                    ),
                ),
        ),
        create: unary<providerProto.CreateRequest>(
            (request) => request.getUrn(),
            async (request) => {
                const created = await provider.create(
                    request.getUrn(),
                    propertiesOf(request.getProperties()) ?? {},
                    request.getPreview(),
                );
                return new providerProto.CreateResponse().setId(created.id).setProperties(toStruct(created.outs));
            },
        ),
        read: unary<providerProto.ReadRequest>(
            (request) => request.getUrn(),
            async (request) => {
                const read = await provider.read(
                    request.getId(),
                    request.getUrn(),
                    propertiesOf(request.getProperties()),
                );
                const response = new providerProto.ReadResponse().setId(read.id).setProperties(toStruct(read.props));
                return read.inputs ? response.setInputs(toStruct(read.inputs)) : response;
            },
        ),
        update: unary<providerProto.UpdateRequest>(
            (request) => request.getUrn(),
            async (request) => {
                const updated = await provider.update(
                    request.getId(),
                    request.getUrn(),
                    propertiesOf(request.getOlds()) ?? {},
                    propertiesOf(request.getNews()) ?? {},
                    request.getPreview(),
                );
                return new providerProto.UpdateResponse().setProperties(toStruct(updated.outs));
            },
        ),
        delete: unary<providerProto.DeleteRequest>(
            (request) => request.getUrn(),
            async (request) => {
                await provider.delete(request.getId(), request.getUrn(), propertiesOf(request.getProperties()) ?? {});
                return new emptyProto.Empty();
            },
        ),
        construct: unary<providerProto.ConstructRequest>(noUrn, (request) =>
            failedByUncaughtErrors(() => constructOnEngine(request, engine.address, provider)),
        ),
        invoke: unary<providerProto.InvokeRequest>(noUrn, async (request) => {
            const result = await provider.invoke(request.getTok(), propertiesOf(request.getArgs()) ?? {});
            const response = new providerProto.InvokeResponse();
            if (result.outputs) {
                response.setReturn(toStruct(result.outputs));
            }
            return response.setFailuresList(checkFailures(result.failures ?? []));
        }),
        // Every call this plugin makes is bounded by the SDK's retries; there is nothing to abandon.
        cancel: unary(noUrn, async () => new emptyProto.Empty()),
    };
}

/** Configuration as engines before `args` sent it: `<package>:config:<key>` variables, values as text. */
function variablesOf(request: providerProto.ConfigureRequest): Properties {
    return Object.fromEntries(
        request
            .getVariablesMap()
            .getEntryList()
            .map(([key, value]) => [key.slice(key.lastIndexOf(":") + 1), value]),
    );
}
