import Link from "next/link";
import type { ConnectorId } from "@/db/schema";
import { Card } from "@/components/layout/card";
import { getCustomer } from "@/lib/customers/get-customer";
import { listRuns } from "@/lib/sync/history/list-runs";
import { runChartPoints } from "@/lib/sync/history/run-chart-points";
import { readListQuery } from "@/lib/validation/list-query";
import { connectorLabels } from "./connector-labels";
import { RunHistory } from "./run-history";

type Props = {
  customerId: string;
  connector: ConnectorId;
  query: Record<string, string>;
  /** A link back to the connector's screen, where no tab leads there from here. */
  backLink?: boolean;
};

/** A connector's history page: its runs, newest first, under a chart. */
export async function ConnectorHistory({ customerId, connector, query, backLink = false }: Props) {
  const { page } = readListQuery(query);
  const { label, path, history } = connectorLabels[connector];
  const [customer, runs, points] = await Promise.all([
    getCustomer({ customerId }),
    listRuns({ customerId, connector, page }),
    runChartPoints({ customerId, connector }),
  ]);
  return (
    <Card title={history}>
      {backLink ? (
        <p className="mb-4 text-sm">
          <Link className="text-sky-700 underline" href={path}>
            Back to {label}
          </Link>
        </p>
      ) : null}
      <RunHistory connector={connector} runs={runs} points={points} timeZone={customer.timeZone} />
    </Card>
  );
}
