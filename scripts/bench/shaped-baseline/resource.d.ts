import * as pulumi from "@pulumi/pulumi";

export declare class ShapedRejection extends pulumi.dynamic.Resource {
    constructor(name: string, index: number, invitationArn: string);
}
