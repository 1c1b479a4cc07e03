/**
 * The provider plugin `ram-invitations`: every resource and function it serves, by type token.
 * One process serves a whole deployment, so one set of sessions (one listing per account and
 * region, one client per region) answers every resource, as in the dynamic provider.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { RamSessions } from "../ram/sessions";
import { GET_INVITATIONS_TOKEN, invokeGetInvitations } from "./invitations-function";
import { constructPolicy, POLICY_TOKEN } from "./policy-component";
import { RejectionResource, REJECTION_TOKEN } from "./rejection-resource";
import { schema } from "./schema";
import { typeOf } from "./urn";
import { withoutStackTrace } from "./user-errors";

export class RamInvitationsProvider implements provider.Provider {
    readonly schema: string;
    private readonly rejections = new RejectionResource(new RamSessions());

    constructor(readonly version: string) {
        // The version makes the generated SDKs ask for this very plugin.
        this.schema = JSON.stringify({ ...schema, version });
    }

    check(urn: string, olds: object, news: object): Promise<provider.CheckResult> {
        return this.resource(urn).check(urn, olds, news);
    }

    diff(_id: string, urn: string, olds: object, news: object): Promise<provider.DiffResult> {
        return this.resource(urn).diff(olds, news);
    }

    create(urn: string, inputs: object): Promise<provider.CreateResult> {
        return withoutStackTrace(this.resource(urn).create(inputs));
    }

    read(id: string, urn: string, props?: object): Promise<provider.ReadResult> {
        return withoutStackTrace(this.resource(urn).read(id, urn, props));
    }

    update(_id: string, urn: string, olds: object, news: object): Promise<provider.UpdateResult> {
        return this.resource(urn).update(olds, news);
    }

    delete(id: string, urn: string): Promise<void> {
        return this.resource(urn).delete(id);
    }

    construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<provider.ConstructResult> {
        if (type !== POLICY_TOKEN) {
            throw new Error(`unknown component ${type}: this plugin serves ${POLICY_TOKEN}`);
        }
        return constructPolicy(name, inputs, options);
    }

    invoke(token: string, inputs: object): Promise<provider.InvokeResult> {
        if (token !== GET_INVITATIONS_TOKEN) {
            throw new Error(`unknown function ${token}: this plugin serves ${GET_INVITATIONS_TOKEN}`);
        }
        return invokeGetInvitations(inputs);
    }

    private resource(urn: string): RejectionResource {
        const type = typeOf(urn);
        if (type !== REJECTION_TOKEN) {
            throw new Error(`unknown resource type ${type}: this plugin serves ${REJECTION_TOKEN}`);
        }
        return this.rejections;
    }
}
