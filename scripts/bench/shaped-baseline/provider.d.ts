import type * as pulumi from "@pulumi/pulumi";

export declare const check: NonNullable<pulumi.dynamic.ResourceProvider["check"]>;
export declare const create: pulumi.dynamic.ResourceProvider["create"];
