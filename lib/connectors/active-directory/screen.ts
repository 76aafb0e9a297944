/** The Active Directory connector's screen: its name and route segment. */
export const activeDirectoryScreen = { label: "Active Directory", segment: "active-directory" } as const;
