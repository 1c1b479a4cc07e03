/**
 * The provider plugin `ram-invitations`: every resource and function it serves, by type token, and
 * its configuration. One process serves one provider (the default one, or each explicit provider),
 * so one set of sessions, configured by that provider's settings, answers every resource, function
 * and component of it (one listing per account and region, one client per region), as in the
 * dynamic provider.
 */
import type * as pulumi from "@pulumi/pulumi";
import { RamSessions } from "../ram/ram-sessions";
import { invokeGetInvitations } from "./invitations-function";
import { constructPolicy } from "./policy-component";
import { ACCEPTANCE } from "../core/acceptance/lifecycle";
import { REJECTION } from "../core/rejection/lifecycle";
import { AnswerResource } from "./answer-resource";
import { ACCEPTANCE_TOKEN, GET_INVITATIONS_TOKEN, POLICY_TOKEN, REJECTION_TOKEN } from "../schema/tokens";
import { checkProviderConfig, diffProviderConfig, providerConfigOf } from "./provider-configuration";
import { packageSchema } from "../schema/package-schema";
import { ACCEPTANCE_OUTPUTS, REJECTION_OUTPUTS } from "../schema/answer-properties";
import { secretNames } from "../schema/property-types";
import type {
    CheckResult,
    ConstructResult,
    CreateResult,
    DiffResult,
    InvokeResult,
    PluginProvider,
    Properties,
    ProviderIdentity,
    ReadResult,
} from "./server/plugin-provider";
import { typeOf } from "./urn";

export class RamInvitationsProvider implements PluginProvider {
    readonly schema: string;
    private readonly sessions: RamSessions;
    private readonly resources: Record<string, AnswerResource>;

    constructor(readonly version: string) {
        // The version makes the generated SDKs ask for this very plugin.
        this.schema = JSON.stringify({ ...packageSchema(), version });
        // One set of sessions for both: a listing of a region answers rejections and acceptances alike.
        this.sessions = new RamSessions();
        this.resources = {
            [REJECTION_TOKEN]: new AnswerResource(REJECTION, this.sessions, secretNames(REJECTION_OUTPUTS)),
            [ACCEPTANCE_TOKEN]: new AnswerResource(ACCEPTANCE, this.sessions, secretNames(ACCEPTANCE_OUTPUTS)),
        };
    }

    async checkConfig(urn: string, _olds: Properties, news: Properties): Promise<CheckResult> {
        return checkProviderConfig(urn, news);
    }

    async diffConfig(olds: Properties, news: Properties): Promise<DiffResult> {
        return diffProviderConfig(olds, news);
    }

    async configure(args: Properties, identity: ProviderIdentity): Promise<void> {
        const { config, roleSessionName } = providerConfigOf(args, identity.urn);
        this.sessions.configure(config, roleSessionName);
    }

    check(urn: string, olds: Properties, news: Properties): Promise<CheckResult> {
        return this.resource(urn).check(urn, olds, news);
    }

    diff(_id: string, urn: string, olds: Properties, news: Properties): Promise<DiffResult> {
        return this.resource(urn).diff(olds, news);
    }

    create(urn: string, inputs: Properties, preview: boolean): Promise<CreateResult> {
        return this.resource(urn).create(inputs, preview);
    }

    read(id: string, urn: string, props: Properties | undefined): Promise<ReadResult> {
        return this.resource(urn).read(id, urn, props);
    }

    update(_id: string, urn: string, olds: Properties, news: Properties): Promise<{ outs: Properties }> {
        return this.resource(urn).update(olds, news);
    }

    delete(id: string, urn: string, props: Properties): Promise<void> {
        return this.resource(urn).delete(id, props);
    }

    construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<ConstructResult> {
        if (type !== POLICY_TOKEN) {
            throw new Error(`unknown component ${type}: this plugin serves ${POLICY_TOKEN}`);
        }
        return constructPolicy(this.sessions, name, inputs, options);
    }

    async invoke(token: string, args: Properties): Promise<InvokeResult> {
        if (token !== GET_INVITATIONS_TOKEN) {
            throw new Error(`unknown function ${token}: this plugin serves ${GET_INVITATIONS_TOKEN}`);
        }
        return invokeGetInvitations(this.sessions, args);
    }

    private resource(urn: string): AnswerResource {
        const type = typeOf(urn);
        const resource = this.resources[type];
        if (!resource) {
            throw new Error(
                `unknown resource type ${type}: this plugin serves ${Object.keys(this.resources).join(", ")}`,
            );
        }
        return resource;
    }
}
