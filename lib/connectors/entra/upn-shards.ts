/**
 * The characters a user principal name may begin with in Entra ID: its name
 * part allows A–Z, a–z, 0–9 and ' . - _ ! # ^ ~, and may not begin with a
 * period. Graph's `startswith` ignores case, so a letter covers both cases.
 * Letters come first, the most common initials of given names first (UPNs
 * mostly begin with one), so that dealing them out balances the shards.
 */
export const upnFirstCharacters = [..."jmsackdrlbtegnphfwvioyzuqx", ..."0123456789", ..."'-_!#^~"] as const;

/** `startswith(userPrincipalName,'x')`, the quote doubled as OData escapes it. */
const startsWith = (character: string) => `startswith(userPrincipalName,'${character.replace(/'/g, "''")}')`;

/** Graph refuses a $filter whose `or` joins more than 15 clauses ("Too many child clauses … Max allowed: 15"). */
export const maxOrClauses = 15;

/** `or` chains of at most 15 of the characters' `startswith`. */
const orChains = (characters: readonly string[]) =>
  Array.from({ length: Math.ceil(characters.length / maxOrClauses) }, (_, i) =>
    characters
      .slice(i * maxOrClauses, (i + 1) * maxOrClauses)
      .map(startsWith)
      .join(" or "),
  );

/**
 * The tenant as `count` shards, each a list of `/users` filters read one
 * after another, that together match every user whose UPN begins with one of
 * the characters above, each user exactly once (a UPN has one first
 * character). The characters are dealt so that people's initials (a first
 * name's, mostly) spread evenly over the shards; a shard holding more than 15
 * characters (fewer than 3 shards) reads them as several listings.
 */
export function shardFilters(count: number): string[][] {
  const shards = Math.max(1, Math.min(count, upnFirstCharacters.length));
  // Dealt back and forth (0…7, 7…0, …): the shard dealt the most common initial is dealt the least common of the next round.
  const shardOf = (i: number) => (Math.floor(i / shards) % 2 === 0 ? i % shards : shards - 1 - (i % shards));
  return Array.from({ length: shards }, (_, shard) => orChains(upnFirstCharacters.filter((_, i) => shardOf(i) === shard)));
}

/**
 * The users no shard matches (a UPN beginning with a character Entra should
 * not allow, or one it has allowed since): `not` is an advanced query, so it
 * is counted with `ConsistencyLevel: eventual`. Zero proves the cover.
 */
export function uncoveredFilter(): string {
  return orChains(upnFirstCharacters)
    .map((chain) => `not(${chain})`)
    .join(" and ");
}
