/**
 * Construct: a component (the policy) whose children the plugin registers with the engine's
 * resource monitor, like a program. The Pulumi runtime is set up for the request (its project,
 * stack, monitor, preview flag and config), each request in its own async state store, as Pulumi's
 * SDK server does; the request's inputs and resource options are rebuilt with the SDK's own
 * helpers, and the component's outputs are sent back with their dependencies.
 */
import * as pulumi from "@pulumi/pulumi";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import type { PluginProvider } from "./plugin-provider";
import { awaitFeatureSupport, deserializeInputs, promiseOf, waitForRPCs, withLocalStorage } from "./sdk-internals";

export function constructOnEngine(
    request: providerProto.ConstructRequest,
    engineAddress: string,
    provider: PluginProvider,
): Promise<providerProto.ConstructResponse> {
    return withLocalStorage(async () => {
        settings.resetOptions(
            request.getProject(),
            request.getStack(),
            request.getParallel(),
            engineAddress,
            request.getMonitorendpoint(),
            request.getDryrun(),
            request.getOrganization(),
        );
        await awaitFeatureSupport();
        runtimeConfig.setAllConfig(
            Object.fromEntries(request.getConfigMap().getEntryList()),
            request.getConfigsecretkeysList(),
        );
        const inputs = await deserializeInputs(request.getInputs()!, request.getInputdependenciesMap());
        const type = request.getType();
        const name = request.getName();
        const result = await provider.construct(name, type, inputs, optionsOf(request));

        const response = new providerProto.ConstructResponse();
        response.setUrn(await promiseOf(pulumi.output(result.urn)));
        const [outputs, dependencies] = await rpc.serializeResourceProperties(
            `construct(${type}, ${name})`,
            result.state,
        );
        for (const [key, resources] of dependencies) {
            const urns = await Promise.all([...resources].map((resource) => promiseOf(resource.urn)));
            response
                .getStatedependenciesMap()
                .set(key, new providerProto.ConstructResponse.PropertyDependencies().setUrnsList(urns));
        }
        response.setState(structProto.Struct.fromJavaScript(outputs));
        // Every registration the component made must reach the monitor before the engine hears back.
        await waitForRPCs();
        return response;
    });
}

/** The component's resource options, as the program gave them. */
function optionsOf(request: providerProto.ConstructRequest): pulumi.ComponentResourceOptions {
    const providers = Object.fromEntries(
        request
            .getProvidersMap()
            .getEntryList()
            .map(([pkg, reference]) => [pkg, new pulumi.DependencyProviderResource(reference)]),
    );
    return {
        parent: request.getParent() ? new pulumi.DependencyResource(request.getParent()) : undefined,
        providers,
        dependsOn: request.getDependenciesList().map((urn) => new pulumi.DependencyResource(urn)),
        aliases: request.getAliasesList().flatMap((alias) => (alias.hasUrn() ? [alias.getUrn()] : [])),
        protect: request.getProtect(),
        ignoreChanges: request.getIgnorechangesList(),
        retainOnDelete: request.getRetainondelete(),
    };
}
