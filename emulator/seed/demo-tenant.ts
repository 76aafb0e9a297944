/**
 * The demo tenant's fixed identifiers. The portal's demo and end-to-end tests
 * hard-code these, so they never change between restarts or machines (they
 * were minted once with `guidFromName` and are written out literally here so
 * that no code change can move them). The secret and password are for the
 * local emulator only; nothing real accepts them.
 */
export const DEMO_TENANT = {
  tenantId: "1edf2ce3-d253-5eb2-bef3-6945286b8cfa",
  displayName: "Contoso",
  domain: "contoso.onmicrosoft.com",
  clientId: "306b23ce-aefa-52ef-b345-72e4553b1732",
  appDisplayName: "Switchboard Portal (demo)",
  clientSecret: "Swb8Q~LocalEmulatorDemoSecret-NotForProd",
  clientSecretKeyId: "e07b926d-c8bc-59a6-bf22-6a4859ee9318",
  /** Password of every demo person on the emulator's sign-in page. */
  userPassword: "Demo!Passw0rd",
  permissions: ["User.Read.All", "GroupMember.Read.All", "Organization.Read.All"],
  redirectUris: ["http://localhost:3000/api/auth/callback/azure-ad"],
} as const;

/** Object IDs (Graph `id`, token `oid`) of the twenty demo people, by mail alias. */
export const DEMO_USER_IDS = {
  PattiF: "bc78e43c-40f4-5db9-b572-33703cec2957",
  LeeG: "f4b0543a-4888-59be-9ba2-f3c6b112919d",
  GradyA: "213fd4ce-fc5f-5d3f-91f1-7a510358f109",
  DiegoS: "18d5d378-60cc-56f2-9378-fdefba13dde4",
  NestorW: "56978c62-e8a9-566c-ae92-2489279fec7f",
  BenW: "d352e99a-36ee-5b39-ab1c-9b6b287654b6",
  JoniS: "5122c658-5d81-5841-9275-38f03d66dbcd",
  IsaiahL: "ed856c48-feb7-5743-8b17-e528d6ac8e92",
  EnricoC: "ac54f47d-9a21-5c58-ad54-950c544fd3ea",
  AllanD: "d7e62fd4-5278-55ec-a5c4-4da441e275a6",
  AdeleV: "f0c31ee5-f1fd-5af5-b1a0-656b7be5d08a",
  AlexW: "d885c163-fd21-58b0-94ab-80fef130f1ce",
  DebraB: "ff1efc49-044d-585a-9fca-3513e42b04f8",
  HenriettaM: "80b48d21-7192-5523-abcb-7ec3bfd0e00d",
  PradeepG: "43d4cd65-3cca-50b8-bf1d-b0744ba06535",
  IrvinS: "90893d6f-7389-57ac-8f13-c3ffb6df775d",
  LynneR: "ff230fe1-5f2e-5667-bb38-66401261237f",
  MeganB: "e307b714-b0f0-570d-88a4-b5fa0f1ff95c",
  EmilyB: "5b647597-5026-5228-99ba-8698cda532c2",
  LidiaH: "7a9cd5ac-7009-5e59-8ecb-cce7dca857fd",
} as const;

export type DemoAlias = keyof typeof DEMO_USER_IDS;

export const DEMO_GROUP_IDS = {
  allCompany: "30e8212a-1a37-55e6-a466-db906580cb7f",
  finance: "ea39bec3-a1ca-504b-927e-e29a8b9dffcd",
  legal: "9ae94d50-76b2-5b1f-8251-8664d045efe9",
  salesAndMarketing: "4b2a53f1-3cda-5ff0-9a88-1437b3517a50",
  leadership: "1ce9b60e-ca4c-55f8-8c91-65b3716114c5",
} as const;

/** The person the portal's demo links to. */
export const DEMO_FEATURED_USER = {
  alias: "MeganB",
  id: DEMO_USER_IDS.MeganB,
  userPrincipalName: "MeganB@contoso.onmicrosoft.com",
  displayName: "Megan Bowen",
} as const;
