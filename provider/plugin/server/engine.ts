/**
 * The plugin's line back to the engine that started it: its log (diagnostics on a resource's URN,
 * as every native provider sends them, so that a YAML, Python or Go user sees them on the
 * resource's line), and its health (the plugin ends when its engine is gone, as Pulumi's Go provider
 * SDK does, instead of outliving a killed `pulumi up`).
 */
import { grpc } from "./grpc";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type { DiagnosticSink, Severity } from "../../diagnostics";

/** How often the engine's health is asked, as Pulumi's Go SDK does (rpcutil.Healthcheck). */
const HEALTH_CHECK_INTERVAL_MS = 1_000;

const SEVERITIES: Record<Severity, engineProto.LogSeverity> = {
    warning: engineProto.LogSeverity.WARNING,
    info: engineProto.LogSeverity.INFO,
};

export class EngineConnection {
    private readonly log: engineRpc.EngineClient;
    /** Messages are sent one after the other, so they show in the order the provider wrote them. */
    private lastLog: Promise<void>;

    constructor(readonly address: string) {
        this.log = new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
        this.lastLog = Promise.resolve();
    }

    /** Where a request about `urn` sends its messages (on the stack when there is no URN). */
    sinkFor(urn: string | undefined): DiagnosticSink {
        return (severity, message) => {
            const request = new engineProto.LogRequest();
            request.setSeverity(SEVERITIES[severity]);
            request.setMessage(message);
            request.setUrn(urn ?? "");
            this.lastLog = this.lastLog.then(
                () =>
                    new Promise<void>((resolve) =>
                        this.log.log(request, (error) => {
                            if (error) {
                                // The engine is the only place a user reads these: keep the message somewhere.
                                process.stderr.write(`${severity}: ${message}\n`);
                            }
                            resolve();
                        }),
                    ),
            );
        };
    }

    /** Resolves once every message sent so far has been delivered (or given up on). */
    flushed(): Promise<void> {
        return this.lastLog;
    }

    /**
     * Calls `onGone` once the engine stops answering its health check (its process ended). An engine
     * that does not serve health checks counts as alive, as in Pulumi's Go SDK. Answers a function that
     * stops the watch.
     */
    watchHealth(onGone: () => void): () => void {
        const client = new grpc.Client(this.address, grpc.credentials.createInsecure());
        const check = () =>
            client.makeUnaryRequest(
                "/grpc.health.v1.Health/Check",
                (request: Buffer) => request,
                (response: Buffer) => response,
                Buffer.alloc(0), // HealthCheckRequest{service: ""}
                (error) => {
                    if (error && error.code !== grpc.status.UNIMPLEMENTED) {
                        onGone();
                        return;
                    }
                    timer.refresh();
                },
            );
        const timer = setTimeout(check, HEALTH_CHECK_INTERVAL_MS);
        // The check alone never keeps the process alive: the gRPC server does, while it serves.
        timer.unref();
        return () => {
            clearTimeout(timer);
            client.close();
        };
    }
}
