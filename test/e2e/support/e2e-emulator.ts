/** Where the e2e web server runs the Entra/Graph emulator, so tests can drive its admin API. */
export const e2eEmulator = {
  port: Number(process.env.E2E_EMULATOR_PORT ?? 8543),
  adminKey: "e2e-emulator-admin-key",
  get url() {
    return `https://127.0.0.1:${this.port}`;
  },
};
