/**
 * Every operation the emulator serves, of every service that has a call log and faults (RAM and
 * Organizations; STS has neither): which service an operation belongs to, which errors its
 * service's model declares (the errors a fault may inject into it), and which operations change
 * state.
 */
import {
    allOrganizationsErrorShapes,
    ORGANIZATIONS_OPERATIONS,
    OrganizationsErrorName,
    OrganizationsOperationName,
} from "./organizations-schema";
import { allRamErrorShapes, RAM_OPERATIONS, RamErrorName, RamOperationName } from "./ram-schema";
import type { ErrorShape } from "./sdk-schema";

/** The services whose operations are logged and can be given faults. */
export type ServiceName = "ram" | "organizations";

/** An operation of RAM or of Organizations, named like the SDK's command without `Command`. */
export type ServedOperationName = RamOperationName | OrganizationsOperationName;

/** An error one of the served services' models declares. */
export type ModelledErrorName = RamErrorName | OrganizationsErrorName;

/** Every served operation: RAM's, then Organizations'. */
export const SERVED_OPERATIONS: readonly ServedOperationName[] = [...RAM_OPERATIONS, ...ORGANIZATIONS_OPERATIONS];

/**
 * The operations that change state, all of them RAM's: a preview, or an update with nothing to do,
 * makes none of them. Typed as any served operation so that a call-log entry's operation (RAM's or
 * Organizations') can be looked up in it.
 */
export const RAM_WRITE_OPERATIONS: readonly ServedOperationName[] = [
    "CreateResourceShare",
    "AcceptResourceShareInvitation",
    "RejectResourceShareInvitation",
    "DisassociateResourceShare",
    "DeleteResourceShare",
] satisfies RamOperationName[];

/** The service an operation belongs to. */
export function serviceOf(operation: ServedOperationName): ServiceName {
    return (ORGANIZATIONS_OPERATIONS as readonly string[]).includes(operation) ? "organizations" : "ram";
}

/** The errors the model of `service` declares. */
export function modelledErrors(service: ServiceName): ErrorShape[] {
    return service === "ram" ? allRamErrorShapes() : allOrganizationsErrorShapes();
}

/** A modelled error of either service by name (the two models share no error name). */
export function modelledErrorShape(name: ModelledErrorName): ErrorShape {
    const shape = [...allRamErrorShapes(), ...allOrganizationsErrorShapes()].find((e) => e.name === name);
    if (!shape) {
        throw new Error(`no served service's model declares the error ${name}`);
    }
    return shape;
}
