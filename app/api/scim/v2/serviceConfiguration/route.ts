// The name Microsoft's SCIM reference code (and its test collection) use for ServiceProviderConfig.
export { dynamic, GET } from "../ServiceProviderConfig/route";
