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
import { ACCEPTANCE_CORE, ACCEPTANCE_TOKEN, AnswerResource, REJECTION_CORE, REJECTION_TOKEN } from "./answer-resource";
import { schema } from "./schema";
import { typeOf } from "./urn";
import { withoutStackTrace } from "./user-errors";

export class RamInvitationsProvider implements provider.Provider {
    readonly schema: string;
    private readonly resources: Record<string, AnswerResource>;

    constructor(readonly version: string) {
        // The version makes the generated SDKs ask for this very plugin.
        this.schema = JSON.stringify({ ...schema, version });
        // One set of sessions for both: a listing of a region answers rejections and acceptances alike.
        const sessions = new RamSessions();
        this.resources = {
            [REJECTION_TOKEN]: new AnswerResource(REJECTION_CORE, sessions),
            [ACCEPTANCE_TOKEN]: new AnswerResource(ACCEPTANCE_CORE, sessions),
        };
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

    delete(id: string, urn: string, props: object): Promise<void> {
        return withoutStackTrace(this.resource(urn).delete(id, props));
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
