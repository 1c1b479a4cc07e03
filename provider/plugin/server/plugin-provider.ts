/**
 * What the provider server asks of the plugin: every method of Pulumi's provider protocol that
 * this plugin serves, in plain values (properties as JSON, with Pulumi's secret and output tags as
 * the engine sends them). The server (resource-provider-service.ts) turns gRPC into these calls and
 * back; the plugin (../provider.ts) answers them over the core.
 */
import type * as pulumi from "@pulumi/pulumi";

export type Properties = Record<string, unknown>;

export interface CheckFailure {
    property: string;
    reason: string;
}

export interface CheckResult {
    inputs: Properties;
    failures: CheckFailure[];
}

export interface DiffResult {
    /** undefined: the provider cannot tell (the engine then compares the inputs itself). */
    changes?: boolean;
    replaces?: string[];
    deleteBeforeReplace?: boolean;
}

export interface CreateResult {
    id: string;
    outs: Properties;
}

export interface ReadResult {
    id: string;
    props: Properties;
    /** With an import: the inputs that the code Pulumi prints declares. */
    inputs?: Properties;
}

export interface InvokeResult {
    outputs?: Properties;
    failures?: CheckFailure[];
}

export interface ConstructResult {
    urn: pulumi.Input<string>;
    state: pulumi.Inputs;
}

/** The provider resource a Configure call is for (the engine says so since configure_with_urn). */
export interface ProviderIdentity {
    urn?: string;
}

export interface PluginProvider {
    readonly version: string;
    readonly schema: string;
    checkConfig(urn: string, olds: Properties, news: Properties): Promise<CheckResult>;
    diffConfig(olds: Properties, news: Properties): Promise<DiffResult>;
    configure(args: Properties, identity: ProviderIdentity): Promise<void>;
    check(urn: string, olds: Properties, news: Properties): Promise<CheckResult>;
    diff(id: string, urn: string, olds: Properties, news: Properties): Promise<DiffResult>;
    create(urn: string, inputs: Properties, preview: boolean): Promise<CreateResult>;
    /** Refresh; or, with no properties (`pulumi import`), the adoption of `id`. */
    read(id: string, urn: string, props: Properties | undefined): Promise<ReadResult>;
    update(
        id: string,
        urn: string,
        olds: Properties,
        news: Properties,
        preview: boolean,
    ): Promise<{ outs: Properties }>;
    delete(id: string, urn: string, props: Properties): Promise<void>;
    construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<ConstructResult>;
    invoke(token: string, args: Properties): Promise<InvokeResult>;
}
