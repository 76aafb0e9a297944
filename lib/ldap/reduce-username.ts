/**
 * "Please delete the domain name after the username": people type CONTOSO\bob,
 * bob@contoso.test or bob, and all three mean the account bob. Everything up
 * to the last backslash and from the first @ goes.
 */
export function reduceUsername(input: string): string {
  const withoutDomain = input.trim().split("\\").pop() ?? "";
  const at = withoutDomain.indexOf("@");
  return (at === -1 ? withoutDomain : withoutDomain.slice(0, at)).trim();
}
