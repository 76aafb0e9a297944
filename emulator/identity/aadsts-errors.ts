import { AadstsError } from "./aadsts-error";

/** The AADSTS errors the emulator can answer, with Entra's wording (see Microsoft's AADSTS reference). */
export const aadsts = {
  tenantNotFound: (tenant: string) =>
    new AadstsError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. The emulator serves tenant-specific authorities only (a tenant GUID or verified domain, not common or organizations).`,
    ),
  appNotFound: (clientId: string, tenantId: string) =>
    new AadstsError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  invalidSecret: (clientId: string) =>
    new AadstsError(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  expiredSecret: (clientId: string) =>
    new AadstsError(
      401,
      "invalid_client",
      7000222,
      `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    ),
  missingSecret: () =>
    new AadstsError(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  missingParameter: (name: string) => new AadstsError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrant: (grant: string) => new AadstsError(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`),
  clientCredentialsScope: (scope: string) =>
    new AadstsError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  resourceNotFound: (resource: string, tenantId: string) =>
    new AadstsError(
      400,
      "invalid_resource",
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  redirectMismatch: (uri: string, clientId: string) =>
    new AadstsError(
      400,
      "invalid_request",
      50011,
      `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
    ),
  unsupportedResponseType: (type: string) =>
    new AadstsError(400, "unsupported_response_type", 700054, `response_type '${type}' is not enabled for the application.`),
  invalidCodeChallenge: () => new AadstsError(400, "invalid_request", 501491, "Invalid size of Code_Challenge parameter."),
  invalidCodeChallengeMethod: (method: string) =>
    new AadstsError(400, "invalid_request", 50147, `The code_challenge_method '${method}' is not supported; use S256 or plain.`),
  invalidCode: () => new AadstsError(400, "invalid_grant", 70000, "The provided value for the 'code' parameter is not valid."),
  codeForAnotherClient: () => new AadstsError(400, "invalid_grant", 70000, "The provided authorization code was issued to a different client."),
  codeRedirectMismatch: () => new AadstsError(400, "invalid_grant", 70000, "The redirect_uri does not match the one used to obtain the authorization code."),
  codeRedeemed: () =>
    new AadstsError(
      400,
      "invalid_grant",
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    ),
  codeExpired: () =>
    new AadstsError(
      400,
      "invalid_grant",
      70008,
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
    ),
  pkceMismatch: () =>
    new AadstsError(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
  pkceMissing: () =>
    new AadstsError(400, "invalid_grant", 501481, "The code_verifier parameter is missing but the authorization request carried a code_challenge."),
  serviceUnavailable: (retryAfterSeconds?: number) =>
    new AadstsError(
      503,
      "temporarily_unavailable",
      90033,
      "The Microsoft Online Directory Service (MSODS) isn't available. Please try again.",
      retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) },
    ),
  userNotFound: (login: string, tenantId: string) =>
    new AadstsError(
      400,
      "invalid_grant",
      50034,
      `The user account ${login} does not exist in the ${tenantId} directory. To sign into this application, the account must be added to the directory.`,
    ),
  wrongPassword: () => new AadstsError(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password."),
  userDisabled: () => new AadstsError(400, "invalid_grant", 50057, "The user account is disabled."),
};
