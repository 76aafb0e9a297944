import Link from "next/link";
import { provisioningActions, type ProvisioningAction, type ProvisioningRecord } from "@/db/schema";
import { Card } from "@/components/layout/card";
import { Pagination } from "@/components/list/pagination";
import { listProvisioningRecords } from "@/lib/provisioning/history/list-provisioning-records";
import { countOf } from "@/lib/text/count-of";
import { provisioningActionLabels } from "./provisioning-action-labels";

type Props = { customerId: string; runId: string; runPath: string; simulate: boolean; query: Record<string, string> };

const managedFieldLabels: Record<string, string> = {
  name: "Name",
  email: "E-mail",
  extension: "Extension",
  site: "Site",
  package: "Package",
  userType: "User type",
  groupMemberType: "Group member type",
};
const deviceLabels: Record<string, string> = { softphone: "softphone", mobile: "mobile phone" };
const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/**
 * A run's provisioning, per person: the users it created (portal ID,
 * extension, devices), updated, suspended, restored or deleted, and every
 * extension it could not give, in plain words. Its own filter and pages
 * (`paction`, `ppage`), beside the run's directory changes.
 */
export async function ProvisioningRecords({ customerId, runId, runPath, simulate, query }: Props) {
  const action = provisioningActions.find((a) => a === query.paction);
  const page = Number(query.ppage ?? "1");
  const { summary, records } = await listProvisioningRecords({ customerId, runId, action, page });
  const total = Object.values(summary).reduce((n, c) => n + (c ?? 0), 0);
  if (total === 0) return null;
  const filterHref = (a?: ProvisioningAction) => `${runPath}${a ? `?paction=${a}` : ""}#provisioning`;

  return (
    <Card title={simulate ? "Provisioning (what a sync would do)" : "Provisioning"}>
      <nav id="provisioning" aria-label="Filter provisioning" className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...provisioningActions.filter((a) => summary[a])].map((a) => (
          <Link
            key={a ?? "all"}
            href={filterHref(a)}
            aria-current={a === action ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${a === action ? "border-sky-700 bg-sky-50 text-sky-900" : "border-slate-300 text-slate-700"}`}
          >
            {a ? `${provisioningActionLabels[a]} (${summary[a]})` : `All (${total})`}
          </Link>
        ))}
      </nav>
      <ul className="divide-y text-sm">
        {records.rows.map((record) => (
          <RecordRow key={record.id} record={record} />
        ))}
      </ul>
      <Pagination
        basePath={runPath}
        params={{ paction: action }}
        pageParam="ppage"
        page={records.page}
        pageCount={records.pageCount}
        total={records.total}
        noun={["record", "records"]}
      />
    </Card>
  );
}

function RecordRow({ record }: { record: ProvisioningRecord }) {
  const { detail } = record;
  return (
    <li className="py-2">
      <p>
        <span className="font-medium">{record.displayName}</span>{" "}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{provisioningActionLabels[record.action]}</span>
      </p>
      <ul className="mt-1 text-slate-600">
        {detail.portalId ? <li>Portal ID: {detail.portalId}</li> : null}
        {record.action === "created" || record.action === "deleted" ? <li>Extension: {shown(detail.extension)}</li> : null}
        {detail.devices && detail.devices.length > 0 ? (
          <li>
            Devices: {countOf(detail.devices.length, "device")} ({detail.devices.map((d) => deviceLabels[d] ?? d).join(", ")})
          </li>
        ) : null}
        {Object.entries(detail.fields ?? {}).map(([field, [from, to]]) => (
          <li key={field}>
            {managedFieldLabels[field] ?? field}: <span className="line-through decoration-slate-400">{shown(from)}</span> → {shown(to)}
          </li>
        ))}
        {detail.message ? <li>{sentence(detail.message)}</li> : null}
      </ul>
    </li>
  );
}

/** The engine's messages start lower case (they quote attribute names); a line on the page starts with a capital. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
