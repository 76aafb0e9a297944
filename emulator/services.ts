import type { PageTokenCodec } from "./graph/page-token-codec";
import type { RequestLog } from "./http/request-log";
import type { AuthorizationCodes } from "./identity/authorization-codes";
import type { SigningKey } from "./identity/signing-key";
import type { EmulatorState } from "./state/emulator-state";

/** The long-lived pieces every route module works with, created once per emulator. */
export interface EmulatorServices {
  state: EmulatorState;
  signingKey: SigningKey;
  codes: AuthorizationCodes;
  pageTokens: PageTokenCodec;
  requestLog: RequestLog;
  adminKey: string;
}
