/**
 * The demo's sign-in details as `npm start` prints them: one login a line,
 * role and portal ID in columns, so "operator" the role and "operator" the
 * portal ID do not read as a stutter.
 */
export function demoLoginsText(logins: { operator: string; manager: string; user: string }, password: string, justCreated: boolean): string {
  const rows = [
    ["Operator", logins.operator],
    ["Manager", logins.manager],
    ["User", logins.user],
  ];
  return [
    `Demo logins${justCreated ? " (demo company just created)" : ""}, each with the password ${password}:`,
    ...rows.map(([role, portalId]) => `  ${role!.padEnd(9)}${portalId}`),
  ].join("\n");
}
