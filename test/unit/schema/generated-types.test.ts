/**
 * The TypeScript types a program is given (provider/generated/types.ts) are written from the
 * property tables by scripts/gen-types.ts: the file is what the tables give today (else run
 * `npm run gen-sdk`), a property added to a table appears with its description as a doc comment,
 * and each generated type is, for the compiler, the type `ObjectOf` derives from its table (the
 * type-level assertions fail `npx tsc --noEmit`).
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import type * as pulumi from "@pulumi/pulumi";
import { GENERATED_TYPES_FILE, generatedTypes } from "../../../scripts/gen-types";
import type * as generated from "../../../provider/generated/types";
import { InvitationAcceptance } from "../../../provider/dynamic/invitation-acceptance";
import { InvitationRejection } from "../../../provider/dynamic/invitation-rejection";
import {
    ACCEPTANCE_INPUTS,
    ACCEPTANCE_RESULTS,
    REJECTION_INPUTS,
    REJECTION_RESULTS,
    SHARED_RESOURCE_TYPE,
} from "../../../provider/schema/answer-properties";
import { GET_INVITATIONS_INPUTS, INVITATION_TYPE } from "../../../provider/schema/listing-properties";
import {
    POLICY_ALLOWED_TYPE,
    POLICY_COUNTS_TYPE,
    POLICY_INPUTS,
    POLICY_MODE_TYPE,
    POLICY_SUMMARY_TYPE,
} from "../../../provider/schema/policy-properties";
import type { EnumOf, ObjectOf, PropertyTable, ResourceArgsOf } from "../../../provider/schema/property-types";
import { assertType, Equal } from "../../support/type-assertions";

/** The declared output fields of a resource class, as the table of its results says. */
type OutputsOf<T> = { readonly [K in keyof ObjectOf<T>]-?: pulumi.Output<ObjectOf<T>[K]> };
type DeclaredOutputs<C> = { readonly [K in Exclude<keyof C, keyof pulumi.CustomResource>]: C[K] };

describe("the generated TypeScript types (provider/generated/types.ts)", () => {
    it("are what the tables give (else run npm run gen-sdk)", async () => {
        expect(readFileSync(GENERATED_TYPES_FILE, "utf8")).to.equal(await generatedTypes());
    });

    it("are, to the compiler, the types derived from the tables", () => {
        assertType<Equal<generated.InvitationRejectionArgs, ResourceArgsOf<typeof REJECTION_INPUTS>>>();
        assertType<Equal<generated.InvitationAcceptanceArgs, ResourceArgsOf<typeof ACCEPTANCE_INPUTS>>>();
        assertType<Equal<generated.InvitationPolicyArgs, ObjectOf<typeof POLICY_INPUTS>>>();
        assertType<Equal<generated.GetInvitationsArgs, ObjectOf<typeof GET_INVITATIONS_INPUTS>>>();
        assertType<Equal<generated.Invitation, ObjectOf<typeof INVITATION_TYPE.properties>>>();
        assertType<Equal<generated.SharedResource, ObjectOf<typeof SHARED_RESOURCE_TYPE.properties>>>();
        assertType<Equal<generated.PolicyCounts, ObjectOf<typeof POLICY_COUNTS_TYPE.properties>>>();
        assertType<Equal<generated.PolicySummary, ObjectOf<typeof POLICY_SUMMARY_TYPE.properties>>>();
        assertType<Equal<generated.PolicyMode, EnumOf<typeof POLICY_MODE_TYPE>>>();
        assertType<Equal<generated.PolicyAllowed, EnumOf<typeof POLICY_ALLOWED_TYPE>>>();
        assertType<Equal<DeclaredOutputs<InvitationRejection>, OutputsOf<typeof REJECTION_RESULTS>>>();
        assertType<Equal<DeclaredOutputs<InvitationAcceptance>, OutputsOf<typeof ACCEPTANCE_RESULTS>>>();
    });

    it("write a property added to a table with its type, required-ness and description as a doc comment", async () => {
        const table = {
            ...REJECTION_INPUTS,
            label: { type: "string", required: true, description: "A label kept with the rejection." },
            labels: { type: "map", values: { type: "string" }, description: "More labels, by name." },
        } as const satisfies PropertyTable;
        const results = {
            ...REJECTION_RESULTS,
            label: { type: "string", required: true, description: "The label." },
            note: { type: "string", description: "A note, when given." },
        } as const satisfies PropertyTable;
        const text = await generatedTypes(
            [{ name: "LabelledArgs", description: "Labelled arguments.", table, inputs: true }],
            [{ name: "LabelledOutputs", resource: "Labelled", table: results }],
            [table],
        );
        expect(text).to.include(
            "    /** A label kept with the rejection. */\n    label: pulumi.Input<string>;\n" +
                "    /** More labels, by name. */\n    labels?: pulumi.Input<Record<string, string>>;\n",
        );
        expect(text).to.include("/** Labelled arguments. */\nexport interface LabelledArgs {\n");
        expect(text).to.include("    /** The label. */\n    readonly label: pulumi.Output<string>;\n");
        expect(text).to.include(
            "    /** A note, when given. */\n    readonly note: pulumi.Output<string | undefined>;\n",
        );
        expect(text).to.include("export interface LabelledOutputs {\n");
    });

    it("wrap a long description to the linter's 120 columns", async () => {
        const long = "word ".repeat(60).trim();
        const text = await generatedTypes(
            [
                {
                    name: "WideArgs",
                    description: long,
                    table: { wide: { type: "string", description: long } },
                    inputs: false,
                },
            ],
            [],
            [],
        );
        expect(text.split("\n").every((line) => line.length <= 120)).to.equal(true);
        expect(text).to.include("    wide?: string;\n");
        expect(text.match(/word/g)).to.have.length(120);
    });
});
