/**
 * Secrets as they look inside free text: an argon2 hash, a bearer token, a
 * SCIM token of ours, a JWT (a session), and a sealed secret (secret-box: the
 * base64 of IV, tag and ciphertext, 40 characters at least). Matched by shape,
 * because they reach a log inside text no redact path can name: a driver's
 * message ("params: $argon2id$…"), a stack, a URL.
 */
const patterns: [RegExp, string][] = [
  [/\$argon2(?:id|i|d)\$[A-Za-z0-9+/=$,.-]*/g, "[redacted hash]"],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]"],
  [/\bswb_scim_[A-Za-z0-9_-]+/g, "[redacted token]"],
  // The directory credentials (lib/directory-credentials): a phonebook URL's secret sits in a request path.
  [/\bswb_(?:pb|ldap|cid)_[A-Za-z0-9_-]+/g, "[redacted token]"],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[redacted token]"],
  // Random base64 of that length has digits, capitals and small letters; a file path in a stack has not all three.
  [/(?<![A-Za-z0-9+/=])(?=[A-Za-z+/]*[0-9])(?=[a-z0-9+/]*[A-Z])(?=[A-Z0-9+/]*[a-z])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g, "[redacted]"],
];

/** The text with every secret-shaped part replaced; the sealed-secret shape only when `blobs` (not for whole log lines, where IDs and paths may look alike). */
export function scrubSecrets(text: string, { blobs = true }: { blobs?: boolean } = {}): string {
  let out = text;
  for (const [pattern, replacement] of blobs ? patterns : patterns.slice(0, -1)) out = out.replace(pattern, replacement);
  return out;
}
