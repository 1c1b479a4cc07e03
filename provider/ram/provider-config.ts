/**
 * The provider's configuration as the AWS side takes it: how every resource, function and
 * component of one provider reaches AWS unless it says otherwise. Parsed from stack config or an
 * explicit provider's inputs by ../core/provider-config.ts.
 */
import { ENDPOINTS_TYPE, PROVIDER_CONFIG } from "../schema/provider-config-properties";
import type { ObjectOf } from "../schema/property-types";

/** Where a service's requests go instead of AWS's own endpoint (e.g. a VPC endpoint, or a local emulator). */
export type ServiceEndpoints = ObjectOf<typeof ENDPOINTS_TYPE.properties>;

/** Each setting is described in ../schema/provider-config-properties.ts. */
export type ProviderConfig = ObjectOf<typeof PROVIDER_CONFIG>;
