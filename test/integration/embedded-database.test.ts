import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/db/embedded-server";

/** The embedded default is shared by the web app and the worker over several pooled connections. */
describe("embedded database server", () => {
  let embedded: EmbeddedDatabase;
  let web: postgres.Sql;
  let worker: postgres.Sql;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase({});
    web = postgres(embedded.url, { max: 5, onnotice: () => {} });
    worker = postgres(embedded.url, { max: 5, onnotice: () => {} });
    await web`create table counter (id int primary key, n int not null)`;
    await web`insert into counter values (1, 0)`;
  });
  afterAll(async () => {
    await Promise.all([web.end(), worker.end()]);
    await embedded.close();
  });

  it("keeps concurrent extended-protocol queries with different parameters apart", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0 ? web`select ${i}::int as a`.then((r) => r[0]!.a) : worker`select ${i}::int + ${1}::int - ${1}::int as a`.then((r) => r[0]!.a),
      ),
    );
    expect(results).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it("keeps each transaction's statements together while other connections query", async () => {
    const increments = Array.from({ length: 20 }, () =>
      worker.begin(async (tx) => {
        const [row] = await tx`select n from counter where id = ${1}`;
        await tx`update counter set n = ${row!.n + 1} where id = ${1}`;
      }),
    );
    const reads = Array.from({ length: 20 }, () => web`select n from counter where id = ${1}`);
    await Promise.all([...increments, ...reads]);
    const [row] = await web`select n from counter where id = ${1}`;
    expect(row!.n).toBe(20);
  });

  it("serves BullMQ's schema on the search path", async () => {
    const [row] = await web`select current_schemas(false) as schemas`;
    expect(row!.schemas).toEqual(["public", "bullmq"]);
  });
});
