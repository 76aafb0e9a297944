export const dynamic = "force-dynamic";

// The name Microsoft's SCIM reference code (and its test collection) use for ServiceProviderConfig.
export { GET } from "../ServiceProviderConfig/route";
