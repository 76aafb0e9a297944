/**
 * The characters a user principal name may begin with in Entra ID: its name
 * part allows A–Z, a–z, 0–9 and ' . - _ ! # ^ ~, and may not begin with a
 * period. Graph's `startswith` ignores case, so a letter covers both cases.
 * Letters come first: they hold most people, and shards are dealt them first.
 */
export const upnFirstCharacters = [..."abcdefghijklmnopqrstuvwxyz", ..."0123456789", ..."'-_!#^~"] as const;

/** `startswith(userPrincipalName,'x')`, the quote doubled as OData escapes it. */
const startsWith = (character: string) => `startswith(userPrincipalName,'${character.replace(/'/g, "''")}')`;

/**
 * The tenant as `count` `/users` filters that together match every user whose
 * UPN begins with one of the characters above, each user exactly once (a UPN
 * has one first character). The characters are dealt round-robin, so people's
 * initials (a first name's, mostly) spread over the shards.
 */
export function shardFilters(count: number): string[] {
  const shards = Math.max(1, Math.min(count, upnFirstCharacters.length));
  return Array.from({ length: shards }, (_, shard) =>
    upnFirstCharacters
      .filter((_, i) => i % shards === shard)
      .map(startsWith)
      .join(" or "),
  );
}

/**
 * The users no shard matches (a UPN beginning with a character Entra should
 * not allow, or one it has allowed since): `not` is an advanced query, so it
 * is counted with `ConsistencyLevel: eventual`. Zero proves the cover.
 */
export function uncoveredFilter(): string {
  return `not(${upnFirstCharacters.map(startsWith).join(" or ")})`;
}
