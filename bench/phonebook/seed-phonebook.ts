import type postgres from "postgres";

/**
 * A company of `count` synced people, written by one INSERT … SELECT: names
 * in an order unlike the insertion's (so the stream walks the name index as
 * a real directory's), an extension, an office and a mobile number in E.164
 * each, e-mail, title and department. Returns the company's id and slug.
 */
export async function seedCompany(sql: postgres.Sql, { count, slug }: { count: number; slug: string }): Promise<{ customerId: string }> {
  const [customer] = await sql<{ id: string }[]>`insert into customers (name, slug, default_country) values (${`Bench ${slug}`}, ${slug}, 'US') returning id`;
  await sql`
    insert into directory_entries (customer_id, display_name, first_name, last_name, source, aad_object_id, extension,
      office_phone, office_phone_e164, mobile_phone, mobile_phone_e164, phones_e164, email, job_title, department)
    select ${customer!.id}, initcap(substr(md5(i::text), 1, 7)) || ' Person ' || i, 'First' || i, initcap(substr(md5(i::text), 1, 7)),
      'entra', gen_random_uuid(), (100000 + i)::text,
      '+1' || (2000000000 + i)::text, '+1' || (2000000000 + i)::text, '+1' || (3000000000 + i)::text, '+1' || (3000000000 + i)::text,
      array['+1' || (2000000000 + i)::text, '+1' || (3000000000 + i)::text],
      'person' || i || '@bench.example', 'Engineer, level ' || (i % 5), 'Department ' || (i % 40)
    from generate_series(1, ${count}) i`;
  return { customerId: customer!.id };
}

/** A credential of the company with a known secret, as createCredential stores one (SHA-256 of the secret). */
export async function seedCredential(sql: postgres.Sql, { customerId, kind, secret }: { customerId: string; kind: string; secret: string }) {
  await sql`
    insert into directory_credentials (customer_id, kind, secret_hash, hint)
    values (${customerId}, ${kind}::directory_credential_kind, encode(sha256(convert_to(${secret}, 'UTF8')), 'hex'), right(${secret}, 4))`;
}
