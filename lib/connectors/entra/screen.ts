/** The Entra connector's screen: the name customers know it by (product.md), and its route segment. */
export const entraScreen = { label: "MS AAD", segment: "entra" } as const;
