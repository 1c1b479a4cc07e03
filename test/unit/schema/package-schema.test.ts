/**
 * The plugin's schema against the types the shells serve. Both are made from the tables of
 * provider/schema/ (one-source.test.ts); each list below names, once more, every property of one of
 * those types (a `Record` over its keys, so `npm run typecheck` fails when a property is added to the
 * type and not here), and the tests fail when the schema and the list differ: a property cannot
 * appear or vanish unnoticed. Every schema property must also carry a description.
 */
import { expect } from "chai";
import { providerConfigKeys } from "../../../provider/core/provider-config-keys";
import type { ProviderConfig } from "../../../provider/ram/provider-config";
import type { GetInvitationsArgs } from "../../../provider/inputs/listing-args";
import type { Invitation } from "../../../provider/core/listing";
import type { PolicyCounts, PolicySummary } from "../../../provider/policy/plan";
import type { InvitationPolicyArgs } from "../../../provider/policy/policy-args";
import {
    ACCEPTANCE_TOKEN,
    GET_INVITATIONS_TOKEN,
    POLICY_TOKEN,
    REJECTION_TOKEN,
} from "../../../provider/schema/tokens";
import type { InvitationAcceptanceArgs } from "../../../provider/dynamic/invitation-acceptance";
import type { AcceptanceState } from "../../../provider/core/acceptance/properties";
import type { SharedResource } from "../../../provider/ram/share-finders";
import { packageSchema } from "../../../provider/schema/package-schema";
import type { EnumTypeJson, ObjectTypeJson } from "../../../provider/schema/schema-json";
import type { InvitationRejectionArgs } from "../../../provider/dynamic/invitation-rejection";
import type { InvitationFacts, RejectionState } from "../../../provider/core/answer/properties";

type Listed<T> = Record<keyof Required<T>, true>;

const REJECTION_INPUTS: Listed<InvitationRejectionArgs> = {
    invitationArn: true,
    resourceShareArn: true,
    invitationWaitSeconds: true,
    roleArn: true,
    externalId: true,
    roleSessionName: true,
};

const INVITATION_FACTS: Listed<InvitationFacts> = {
    invitationArn: true,
    resourceShareArn: true,
    resourceShareName: true,
    senderAccountId: true,
    receiverAccountId: true,
    status: true,
    invitationTimestamp: true,
};

const REJECTION_OUTPUTS: Listed<RejectionState> = {
    ...INVITATION_FACTS,
    clientToken: true,
    rejectedAt: true,
    roleArn: true,
    externalId: true,
    roleSessionName: true,
};

const ACCEPTANCE_INPUTS: Listed<InvitationAcceptanceArgs> = {
    ...REJECTION_INPUTS,
    leaveShareOnDelete: true,
    associationWaitSeconds: true,
};

const ACCEPTANCE_OUTPUTS: Listed<AcceptanceState> = {
    ...INVITATION_FACTS,
    clientToken: true,
    acceptedAt: true,
    shareStatus: true,
    associationStatus: true,
    sharedResources: true,
    leaveShareOnDelete: true,
    associationWaitSeconds: true,
    roleArn: true,
    externalId: true,
    roleSessionName: true,
};

const SHARED_RESOURCE_FIELDS: Listed<SharedResource> = { arn: true, type: true };

const GET_INVITATIONS_INPUTS: Listed<GetInvitationsArgs> = {
    region: true,
    statuses: true,
    senderAccountIds: true,
    profile: true,
    roleArn: true,
    externalId: true,
    roleSessionName: true,
};

const INVITATION_FIELDS: Listed<Invitation> = { ...INVITATION_FACTS, region: true };

const POLICY_INPUTS: Listed<InvitationPolicyArgs> = {
    allowedSenderAccountIds: true,
    regions: true,
    allowedResourceShareNames: true,
    maxRejectionsPerRun: true,
    mode: true,
    allowed: true,
    maxAcceptancesPerRun: true,
    roleArn: true,
    externalId: true,
    roleSessionName: true,
    allowedOrganizationTargets: true,
    organizationRoleArn: true,
    organizationExternalId: true,
    organizationRoleSessionName: true,
};

const POLICY_COUNTS: Listed<PolicyCounts> = {
    pendingAllowed: true,
    rejectedNow: true,
    wouldReject: true,
    rejectedEarlier: true,
    acceptedNow: true,
    wouldAccept: true,
    acceptedEarlier: true,
};

const POLICY_SUMMARY: Listed<PolicySummary> = {
    ...POLICY_COUNTS,
    mode: true,
    regions: true,
    bySender: true,
    refused: true,
    organizationTargets: true,
    allowedBy: true,
};

const schema = packageSchema();

type Properties = Record<string, { description?: string; secret?: boolean }>;

/** The named object type `token` of the schema (failing when it is missing or an enum). */
function objectType(token: string): ObjectTypeJson {
    const type = schema.types[token];
    expect(type, token).to.have.property("type", "object");
    return type as ObjectTypeJson;
}

/** The named enum `token` of the schema. */
function enumType(token: string): EnumTypeJson {
    const type = schema.types[token];
    expect(type, token).to.have.property("type", "string");
    return type as EnumTypeJson;
}

function expectDescribed(properties: Properties): void {
    for (const [name, property] of Object.entries(properties)) {
        expect(property.description, `description of ${name}`).to.be.a("string").and.not.be.empty;
    }
}

describe("the plugin's schema", () => {
    const rejection = schema.resources[REJECTION_TOKEN];
    const getInvitations = schema.functions[GET_INVITATIONS_TOKEN];
    const invitationType = objectType("ram-invitations:index:Invitation");

    it("InvitationRejection: the inputs of InvitationRejectionArgs, the outputs of its state", () => {
        expect(Object.keys(rejection.inputProperties)).to.have.members(Object.keys(REJECTION_INPUTS));
        expect(Object.keys(rejection.properties)).to.have.members(Object.keys(REJECTION_OUTPUTS));
        expect(rejection.properties).to.include.keys(...rejection.required);
        expectDescribed(rejection.inputProperties);
        expectDescribed(rejection.properties);
        expect(rejection.description).to.include("cannot be undone");
    });

    it("InvitationRejection: externalId is secret as an input and as an output, and nothing else is", () => {
        const secrets = (properties: Properties) =>
            Object.entries(properties)
                .filter(([, p]) => p.secret)
                .map(([name]) => name);
        expect(secrets(rejection.inputProperties)).to.deep.equal(["externalId"]);
        expect(secrets(rejection.properties)).to.deep.equal(["externalId"]);
    });

    it("InvitationAcceptance: the inputs of InvitationAcceptanceArgs, the outputs of its state", () => {
        const acceptance = schema.resources[ACCEPTANCE_TOKEN];
        expect(Object.keys(acceptance.inputProperties)).to.have.members(Object.keys(ACCEPTANCE_INPUTS));
        expect(Object.keys(acceptance.properties)).to.have.members(Object.keys(ACCEPTANCE_OUTPUTS));
        expect(acceptance.properties).to.include.keys(...acceptance.required);
        const shared = objectType("ram-invitations:index:SharedResource");
        expect(Object.keys(shared.properties)).to.have.members(Object.keys(SHARED_RESOURCE_FIELDS));
        expectDescribed(acceptance.inputProperties);
        expectDescribed(acceptance.properties);
        expectDescribed(shared.properties);
        expect(acceptance.properties.externalId).to.have.property("secret", true);
        expect(acceptance.inputProperties.externalId).to.have.property("secret", true);
    });

    it("getInvitations: the arguments of GetInvitationsArgs, and invitations with the fields of Invitation", () => {
        expect(Object.keys(getInvitations.inputs.properties)).to.have.members(Object.keys(GET_INVITATIONS_INPUTS));
        // No argument is required: the region defaults to the provider's.
        expect(getInvitations.inputs).to.not.have.property("required");
        expect(Object.keys(invitationType.properties)).to.have.members(Object.keys(INVITATION_FIELDS));
        expect(invitationType.required).to.have.members(Object.keys(INVITATION_FIELDS));
        expectDescribed(getInvitations.inputs.properties);
        expectDescribed(invitationType.properties);
        expect(getInvitations.outputs.properties.invitations.items).to.deep.equal({
            $ref: "#/types/ram-invitations:index:Invitation",
        });
    });

    it("InvitationPolicy: a component with the inputs of InvitationPolicyArgs and its summary", () => {
        const policy = schema.resources[POLICY_TOKEN];
        expect(policy.isComponent).to.equal(true);
        expect(Object.keys(policy.inputProperties)).to.have.members(Object.keys(POLICY_INPUTS));
        // regions defaults to the provider's region; allowedSenderAccountIds or allowedOrganizationTargets
        // is required, which the policy's own check says (a schema cannot).
        expect(policy.requiredInputs).to.deep.equal([]);
        expect(policy.inputProperties.organizationExternalId).to.have.property("secret", true);
        expect(policy.properties.summary.$ref).to.equal("#/types/ram-invitations:index:PolicySummary");
        const summary = objectType("ram-invitations:index:PolicySummary");
        expect(Object.keys(summary.properties)).to.have.members(Object.keys(POLICY_SUMMARY));
        const counts = objectType("ram-invitations:index:PolicyCounts");
        expect(Object.keys(counts.properties)).to.have.members(Object.keys(POLICY_COUNTS));
        expect(enumType("ram-invitations:index:PolicyMode").enum.map((e) => e.value)).to.have.members([
            "enforce",
            "report",
        ]);
        expectDescribed(policy.inputProperties);
        expectDescribed(summary.properties);
    });

    it("the provider's configuration: the keys both shells read, as config and as a provider's inputs", () => {
        const PROVIDER_SETTINGS: Listed<ProviderConfig> = {
            region: true,
            profile: true,
            endpoints: true,
            roleArn: true,
            externalId: true,
            roleSessionName: true,
            allowedAccountIds: true,
        };
        expect(Object.keys(schema.config.variables)).to.have.members([...providerConfigKeys()]);
        expect(Object.keys(PROVIDER_SETTINGS)).to.have.members([...providerConfigKeys()]);
        expect(schema.provider.inputProperties).to.deep.equal(schema.config.variables);
        expectDescribed(schema.config.variables);
        expect(schema.config.variables.externalId).to.have.property("secret", true);
        const endpoints = objectType("ram-invitations:index:Endpoints");
        expect(Object.keys(endpoints.properties)).to.have.members(["ram", "sts", "organizations"]);
        expectDescribed(endpoints.properties);
    });

    it("is plain JSON that names the package and every token it serves", () => {
        const parsed = JSON.parse(JSON.stringify(schema)) as typeof schema;
        expect(parsed.name).to.equal("ram-invitations");
        expect(Object.keys(parsed.resources)).to.deep.equal([REJECTION_TOKEN, ACCEPTANCE_TOKEN, POLICY_TOKEN]);
        expect(Object.keys(parsed.functions)).to.deep.equal([GET_INVITATIONS_TOKEN]);
    });
});
