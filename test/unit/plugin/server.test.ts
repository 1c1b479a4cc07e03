/**
 * The plugin's provider server against Pulumi's provider protocol, over real gRPC: a client made
 * from the SDK's own stubs calls each method, a provider that records its calls answers, and a
 * stand-in engine (its Log service and a health check) receives the diagnostics and can go away.
 * What each answer means for RAM is the core's, tested elsewhere; here only the protocol is.
 */
import { expect } from "chai";
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import type { ServiceError } from "@grpc/grpc-js";
import { grpc } from "../../../provider/plugin/server/grpc";
import type { Properties } from "../../../provider/plugin/server/plugin-provider";
import { engineAddressOf, serve, Serving } from "../../../provider/plugin/server/serve";
import { waitUntil } from "../../support/wait-until";
import { Client, recordingProvider, startEngine } from "./server-stand-ins";

const URN = "urn:pulumi:dev::p::ram-invitations:index:InvitationRejection::r";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cret" };

describe("the plugin's provider server", function () {
    this.timeout(20_000);
    let engine: Awaited<ReturnType<typeof startEngine>>;
    let serving: Serving;
    let client: Client;
    let calls: { method: string; args: unknown[] }[];
    let engineGone: boolean;

    beforeEach(async () => {
        engine = await startEngine();
        calls = [];
        engineGone = false;
        serving = await serve(recordingProvider(calls), ["--logtostderr", "-v=9", engine.address], () => {
            engineGone = true;
        });
        client = new providerRpc.ResourceProviderClient(
            `127.0.0.1:${serving.port}`,
            grpc.credentials.createInsecure() as never,
        ) as unknown as Client;
    });
    afterEach(() => {
        serving.stop();
        engine.stop();
    });

    function call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) =>
            client[method].call(client, request, (error, response) => (error ? reject(error) : resolve(response as T))),
        );
    }
    const struct = (value: Properties) => structProto.Struct.fromJavaScript(value as never);

    it("finds the engine's address among the engine's flags", () => {
        expect(engineAddressOf(["--logtostderr", "-v=9", "--tracing", "http://t", "127.0.0.1:5"])).to.equal(
            "127.0.0.1:5",
        );
        expect(engineAddressOf([])).to.equal(undefined);
    });

    it("GetPluginInfo and GetSchema answer the version and the schema; another schema version is refused", async () => {
        const info = await call<{ getVersion(): string }>("getPluginInfo", new emptyProto.Empty());
        expect(info.getVersion()).to.equal("9.8.7");
        const schema = await call<providerProto.GetSchemaResponse>("getSchema", new providerProto.GetSchemaRequest());
        expect(schema.getSchema()).to.equal('{"name":"ram-invitations"}');
        const other = await call("getSchema", new providerProto.GetSchemaRequest().setVersion(1)).catch(
            (e: Error) => e,
        );
        expect(String(other)).to.include("unsupported schema version 1");
    });

    it("Handshake and Configure accept secrets and resources, support preview, hand over the settings", async () => {
        const handshake = await call<providerProto.ProviderHandshakeResponse>(
            "handshake",
            new providerProto.ProviderHandshakeRequest().setEngineAddress(engine.address),
        );
        expect(handshake.getAcceptSecrets()).to.equal(true);
        expect(handshake.getAcceptResources()).to.equal(true);
        const request = new providerProto.ConfigureRequest()
            .setArgs(struct({ profile: "p", externalId: SECRET }))
            .setUrn("urn:pulumi:dev::p::pulumi:providers:ram-invitations::default");
        const configured = await call<providerProto.ConfigureResponse>("configure", request);
        expect(configured.getSupportspreview()).to.equal(true);
        expect(configured.getAcceptsecrets()).to.equal(true);
        expect(calls[0]).to.deep.equal({
            method: "configure",
            args: [
                { profile: "p", externalId: SECRET },
                { urn: "urn:pulumi:dev::p::pulumi:providers:ram-invitations::default" },
            ],
        });
    });

    it("Configure from an engine that sends variables only: the keys without their namespace", async () => {
        const request = new providerProto.ConfigureRequest();
        request.getVariablesMap().set("ram-invitations:config:region", "eu-west-1");
        await call("configure", request);
        expect(calls[0].args[0]).to.deep.equal({ region: "eu-west-1" });
    });

    it("CheckConfig and DiffConfig: failures by key; a change of settings updates the provider in place", async () => {
        const checked = await call<providerProto.CheckResponse>(
            "checkConfig",
            new providerProto.CheckRequest()
                .setUrn("u")
                .setOlds(struct({}))
                .setNews(struct({ roleArn: "x" })),
        );
        expect(checked.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).to.deep.equal([
            ["roleArn", "ram-invitations:roleArn is not a role"],
        ]);
        const diffed = await call<providerProto.DiffResponse>(
            "diffConfig",
            new providerProto.DiffRequest().setOlds(struct({})).setNews(struct({ region: "us-east-1" })),
        );
        expect(diffed.getChanges()).to.equal(providerProto.DiffResponse.DiffChanges.DIFF_SOME);
        expect(diffed.getReplacesList()).to.deep.equal([]);
    });

    it("Check: the inputs; a warning reaches the engine's log on the resource's URN before the answer", async () => {
        const checked = await call<providerProto.CheckResponse>(
            "check",
            new providerProto.CheckRequest()
                .setUrn(URN)
                .setOlds(struct({}))
                .setNews(struct({ invitationArn: "a" })),
        );
        expect(checked.getInputs()?.toJavaScript()).to.deep.equal({ invitationArn: "a", clientToken: "t" });
        expect(engine.logs).to.deep.equal([
            {
                severity: engineProto.LogSeverity.WARNING,
                message: "the invitation has expired",
                urn: URN,
                streamid: 0,
                ephemeral: false,
            },
        ]);
    });

    it("Create passes the preview flag; a failure is the provider's message, without a stack", async () => {
        const request = (preview: boolean, inputs: Properties) =>
            new providerProto.CreateRequest().setUrn(URN).setProperties(struct(inputs)).setPreview(preview);
        const previewed = await call<providerProto.CreateResponse>("create", request(true, { invitationArn: "a" }));
        expect(previewed.getProperties()?.toJavaScript()).to.deep.equal({ invitationArn: "a", status: "REJECTED" });
        const created = await call<providerProto.CreateResponse>("create", request(false, { invitationArn: "a" }));
        expect(created.getId()).to.equal("arn:1");
        expect(calls.map((c) => c.args[2])).to.deep.equal([true, false]);
        const failure = (await call("create", request(false, { refuse: true })).catch(
            (e: unknown) => e,
        )) as ServiceError;
        expect(failure.code).to.equal(grpc.status.UNKNOWN);
        expect(failure.details).to.equal("RAM refuses: it was already accepted");
    });

    it("Read with properties is a refresh; without them (pulumi import) the provider answers inputs too", async () => {
        const refreshed = await call<providerProto.ReadResponse>(
            "read",
            new providerProto.ReadRequest()
                .setId("arn:1")
                .setUrn(URN)
                .setProperties(struct({ invitationArn: "arn:1" })),
        );
        expect(refreshed.hasInputs()).to.equal(false);
        const imported = await call<providerProto.ReadResponse>(
            "read",
            new providerProto.ReadRequest().setId("arn:2").setUrn(URN),
        );
        expect(calls.map((c) => c.args[2])).to.deep.equal([{ invitationArn: "arn:1" }, undefined]);
        expect(imported.getId()).to.equal("arn:2");
        expect(imported.getInputs()?.toJavaScript()).to.deep.equal({ invitationArn: "arn:2" });
        expect(imported.getProperties()?.toJavaScript()).to.deep.equal({ status: "REJECTED" });
    });

    it("Diff, Update and Delete: replacements, the preview flag, and the state to delete", async () => {
        const diffed = await call<providerProto.DiffResponse>(
            "diff",
            new providerProto.DiffRequest().setId("arn:1").setUrn(URN).setOlds(struct({})).setNews(struct({})),
        );
        expect(diffed.getReplacesList()).to.deep.equal(["invitationArn"]);
        const updated = await call<providerProto.UpdateResponse>(
            "update",
            new providerProto.UpdateRequest()
                .setId("arn:1")
                .setUrn(URN)
                .setOlds(struct({}))
                .setNews(struct({ roleArn: "r" }))
                .setPreview(true),
        );
        expect(updated.getProperties()?.toJavaScript()).to.deep.equal({ roleArn: "r" });
        await call(
            "delete",
            new providerProto.DeleteRequest()
                .setId("arn:1")
                .setUrn(URN)
                .setProperties(struct({ a: 1 })),
        );
        expect(calls.map((c) => c.method)).to.deep.equal(["diff", "update", "delete"]);
        expect(calls[1].args[4]).to.equal(true);
        expect(calls[2].args).to.deep.equal(["arn:1", URN, { a: 1 }]);
    });

    it("Invoke answers the function's outputs", async () => {
        const invoked = await call<providerProto.InvokeResponse>(
            "invoke",
            new providerProto.InvokeRequest()
                .setTok("ram-invitations:index:getInvitations")
                .setArgs(struct({ region: "us-east-1" })),
        );
        expect(invoked.getReturn()?.toJavaScript()).to.deep.equal({ invitations: [] });
        expect(calls[0].args).to.deep.equal(["ram-invitations:index:getInvitations", { region: "us-east-1" }]);
    });

    it("stops serving within seconds once the engine stops answering its health check", async () => {
        expect(engineGone).to.equal(false);
        engine.stop();
        await waitUntil("the server notices its engine is gone", () => engineGone);
        const after = await call("getPluginInfo", new emptyProto.Empty()).catch((e: unknown) => e);
        expect(after).to.be.instanceOf(Error);
    });
});
