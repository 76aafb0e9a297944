import type { BenchSection } from "./bench-context";
import { ms, n } from "./figures";
import { ldapBench } from "./ldap-bench";
import { seedCompany, seedCredential } from "./seed-phonebook";

/**
 * The LDAP phonebook's part of `npm run bench:phonebook`: a company of the
 * benchmark's size searched by phones at once, beside OpenLDAP's slapd with
 * the same entries. The issue sets no target here: the figures are reported
 * side by side, slapd being what a phone system would otherwise run.
 */
export const ldapSection: BenchSection = {
  name: "ldap",
  async run({ sql, options }) {
    const slug = "bench-ldap";
    const { customerId } = await seedCompany(sql, { count: options.entries, slug });
    const secret = "swb_ldap_bench_password";
    await seedCredential(sql, { customerId, kind: "phonebook_ldap", secret });
    await sql`vacuum analyze directory_entries`;
    const figures = await ldapBench({ sql, company: { customerId, slug, secret } });
    const line = (name: string, f: { searchesPerSecond: number; typeAheadMs: number; callerMs: number }) =>
      `  ${name.padEnd(18)} ${f.searchesPerSecond.toFixed(0).padStart(6)} searches/s   median type-ahead ${ms(f.typeAheadMs)}, incoming call ${ms(f.callerMs)}`;
    return [
      `LDAP phonebook, ${n(figures.entries)} entries, 4 phones at once over LDAPS, half type-ahead (|(cn=*x*)(sn=*x*)), half incoming calls:`,
      line("ours", figures.ours),
      "unavailable" in figures.slapd
        ? `  slapd: not measured (${figures.slapd.unavailable})`
        : `${line("OpenLDAP slapd", figures.slapd)}\n  ours / slapd searches a second: ${(figures.ours.searchesPerSecond / figures.slapd.searchesPerSecond).toFixed(2)}`,
    ].join("\n");
  },
};
