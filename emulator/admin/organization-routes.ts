/**
 * The admin routes under `/_emulator/organization/` that change the organization between two runs,
 * as its management account would on AWS: an account joins (into a parent), is suspended or
 * reactivated, moves to another parent, leaves; an OU is created. Each answers what it changed.
 */
import { EmulatorInputError } from "../input-error";
import type { OrganizationAccountStatus } from "../model/types";
import { AdminRoute, field, stringField } from "./route";
import { organizationAccountView, organizationalUnitView } from "./views";

const STATUSES: readonly OrganizationAccountStatus[] = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"];

function optionalStringField(body: unknown, name: string): string | undefined {
    return field(body, name) === undefined ? undefined : stringField(body, name);
}

function accountStatus(value: unknown): OrganizationAccountStatus {
    if (!STATUSES.includes(value as OrganizationAccountStatus)) {
        throw new EmulatorInputError(`status must be one of ${STATUSES.join(", ")}`);
    }
    return value as OrganizationAccountStatus;
}

export const organizationRoutes: AdminRoute[] = [
    {
        method: "POST",
        path: /^organization\/accounts\/join$/,
        handle: (emulator, { body }) =>
            organizationAccountView(
                emulator.joinOrganization({
                    accountId: stringField(body, "accountId"),
                    parentId: optionalStringField(body, "parentId"),
                    name: optionalStringField(body, "name"),
                    email: optionalStringField(body, "email"),
                }),
            ),
    },
    {
        method: "POST",
        path: /^organization\/accounts\/set-status$/,
        handle: (emulator, { body }) =>
            organizationAccountView(
                emulator.setOrganizationAccountStatus(
                    stringField(body, "accountId"),
                    accountStatus(field(body, "status")),
                ),
            ),
    },
    {
        method: "POST",
        path: /^organization\/accounts\/move$/,
        handle: (emulator, { body }) =>
            organizationAccountView(
                emulator.moveOrganizationAccount(stringField(body, "accountId"), stringField(body, "parentId")),
            ),
    },
    {
        method: "POST",
        path: /^organization\/accounts\/leave$/,
        handle: (emulator, { body }) => emulator.leaveOrganization(stringField(body, "accountId")),
    },
    {
        method: "POST",
        path: /^organization\/organizational-units$/,
        handle: (emulator, { body }) => {
            const ou = emulator.createOrganizationalUnit(
                stringField(body, "name"),
                stringField(body, "parentId"),
                optionalStringField(body, "id"),
            );
            return organizationalUnitView(emulator.organizations.current!, ou);
        },
    },
];
