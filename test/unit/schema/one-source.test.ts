/**
 * One source for every property: a property written once in a table of provider/schema/ is in the
 * package schema the plugin serves (and so in every SDK `npm run gen-sdk` generates from it), in
 * the TypeScript types the shells serve, and among the keys the offline checks accept, with no
 * other edit. The type-level assertions fail `npx tsc --noEmit`; the rest fail here.
 */
import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { RamInvitationsProvider } from "../../../provider/plugin/provider";
import { checkPolicyArgs } from "../../../provider/policy/policy-args";
import { parseRejectionsConfig } from "../../../provider/config/rejections-config";
import { parseProviderConfig } from "../../../provider/core/provider-config";
import type { InvitationRejectionArgs } from "../../../provider/dynamic/invitation-rejection";
import type { InvitationAcceptanceArgs } from "../../../provider/dynamic/invitation-acceptance";
import type { RejectionState } from "../../../provider/core/answer/properties";
import type { AcceptanceState } from "../../../provider/core/acceptance/properties";
import type { InvitationPolicyArgs, PolicyMode } from "../../../provider/policy/policy-args";
import type { PolicySummary } from "../../../provider/policy/plan";
import type { ProviderConfig } from "../../../provider/ram/provider-config";
import type { SharedResource } from "../../../provider/ram/share-finders";
import { REJECTION_INPUTS } from "../../../provider/schema/answer-properties";
import { POLICY_INPUTS } from "../../../provider/schema/policy-properties";
import { PROVIDER_CONFIG } from "../../../provider/schema/provider-config-properties";
import { packageSchema } from "../../../provider/schema/package-schema";
import { propertyNames, requiredNames, secretNames } from "../../../provider/schema/property-types";
import type { EnumType, ObjectOf, PropertyTable, ResourceArgsOf } from "../../../provider/schema/property-types";
import { propertiesJson, requiredJson, typesJson } from "../../../provider/schema/schema-json";
import { assertType, Equal } from "../../support/type-assertions";

const LABEL_KIND = {
    token: "ram-invitations:index:LabelKind",
    description: "What a label says.",
    values: [
        { value: "team", description: "A team's name." },
        { value: "ticket", description: "A ticket's id." },
    ],
} as const satisfies EnumType;

/** A rejection's inputs with two properties more, as an engineer would add them to the table. */
const WITH_NEW_PROPERTIES = {
    ...REJECTION_INPUTS,
    label: { type: "string", required: true, secret: true, description: "A label kept with the rejection." },
    labelKind: { type: "ref", to: LABEL_KIND, description: "What the label says." },
} as const satisfies PropertyTable;

describe("one source for every property", () => {
    it("a property added to a table is in the schema's JSON: its type, required-ness, secrecy and description", () => {
        expect(propertiesJson(WITH_NEW_PROPERTIES)).to.deep.include({
            label: { type: "string", secret: true, description: "A label kept with the rejection." },
            labelKind: { $ref: "#/types/ram-invitations:index:LabelKind", description: "What the label says." },
        });
        expect(requiredJson("requiredInputs", WITH_NEW_PROPERTIES)).to.deep.equal({ requiredInputs: ["label"] });
        expect(secretNames(WITH_NEW_PROPERTIES)).to.deep.equal(["externalId", "label"]);
        expect(typesJson([WITH_NEW_PROPERTIES])).to.deep.equal({
            "ram-invitations:index:LabelKind": {
                type: "string",
                description: "What a label says.",
                enum: [
                    { value: "team", description: "A team's name." },
                    { value: "ticket", description: "A ticket's id." },
                ],
            },
        });
    });

    it("a property added to a table is in the TypeScript types, required and typed as the table says", () => {
        type Args = ObjectOf<typeof WITH_NEW_PROPERTIES>;
        assertType<Equal<Pick<Args, "label">, { label: string }>>();
        assertType<Equal<Pick<Args, "labelKind">, { labelKind?: "team" | "ticket" }>>();
        assertType<Equal<Omit<Args, "label" | "labelKind">, ObjectOf<typeof REJECTION_INPUTS>>>();
        type ProgramArgs = ResourceArgsOf<typeof WITH_NEW_PROPERTIES>;
        assertType<Equal<Pick<ProgramArgs, "label">, { label: pulumi.Input<string> }>>();
        expect(requiredNames(WITH_NEW_PROPERTIES)).to.deep.equal(["label"]);
    });

    it("the shells' types are the tables' (a sample of types and required-ness, checked by the compiler)", () => {
        assertType<Equal<InvitationRejectionArgs["invitationArn"], pulumi.Input<string> | undefined>>();
        assertType<Equal<InvitationAcceptanceArgs["leaveShareOnDelete"], pulumi.Input<boolean> | undefined>>();
        assertType<Equal<Pick<RejectionState, "clientToken">, { clientToken: string }>>();
        assertType<Equal<Pick<RejectionState, "rejectedAt">, { rejectedAt?: string }>>();
        assertType<Equal<AcceptanceState["sharedResources"], SharedResource[]>>();
        assertType<Equal<InvitationPolicyArgs["mode"], PolicyMode | undefined>>();
        assertType<Equal<PolicyMode, "enforce" | "report">>();
        assertType<Equal<PolicySummary["bySender"][string]["rejectedNow"], number>>();
        assertType<
            Equal<ProviderConfig["endpoints"], { ram?: string; sts?: string; organizations?: string } | undefined>
        >();
        expect(packageSchema().resources["ram-invitations:index:InvitationRejection"].required).to.include(
            "clientToken",
        );
    });

    it("the plugin serves the schema built from the tables, which gen-sdk makes every SDK from", () => {
        const served = JSON.parse(new RamInvitationsProvider("9.9.9").schema) as Record<string, unknown>;
        expect(served).to.deep.equal({ ...JSON.parse(JSON.stringify(packageSchema())), version: "9.9.9" });
    });

    it("the offline checks know every key of their table, and only those", () => {
        const everyPolicySetting = Object.fromEntries(propertyNames(POLICY_INPUTS).map((name) => [name, undefined]));
        const policy = checkPolicyArgs({ ...everyPolicySetting, notASetting: 1 }, "policy");
        expect(policy.problems.filter((problem) => problem.includes("is not a policy setting"))).to.deep.equal([
            `policy.notASetting is not a policy setting (the settings are ${propertyNames(POLICY_INPUTS).join(", ")})`,
        ]);

        const everySetting = Object.fromEntries(propertyNames(PROVIDER_CONFIG).map((name) => [name, undefined]));
        const provider = parseProviderConfig({ ...everySetting, notASetting: "x" });
        expect(provider.problems.map((problem) => JSON.stringify(problem))).to.have.length(1);
        expect(JSON.stringify(provider.problems[0])).to.include("notASetting");

        const entry = { invitationArn: "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/a", roleArn: "x" };
        const rejections = parseRejectionsConfig({ one: entry });
        const entryKeys = propertyNames(REJECTION_INPUTS).filter(
            (name) => !["roleArn", "externalId", "roleSessionName"].includes(name),
        );
        expect(rejections.problems).to.deep.equal([
            `rejections.one has unknown keys roleArn; the keys are ${entryKeys.join(", ")}`,
        ]);
    });
});
