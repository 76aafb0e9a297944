import type { ScheduleSettings } from "@/lib/sync/schedule";
import type { ConnectorFormValues } from "./connector-settings-form";

type StoredSettings = ScheduleSettings & { enabled: boolean; removalThresholdPercent: number; updatedAt: Date };

/**
 * A connector's stored row cut down to what its form shows: the fields every
 * connector's form has (usage, schedule, threshold) and the connector's own,
 * named one by one — so a column added to the table (a sealed secret, a sync
 * position) stays on the server until a form asks for it.
 */
export function toConnectorFormValues<Row extends StoredSettings, Own extends keyof Row>(row: Row, own: readonly Own[]): ConnectorFormValues & Pick<Row, Own> {
  const picked = Object.fromEntries(own.map((key) => [key, row[key]])) as Pick<Row, Own>;
  return {
    enabled: row.enabled,
    period: row.period,
    weekday: row.weekday,
    runHour: row.runHour,
    runMinute: row.runMinute,
    runSecond: row.runSecond,
    removalThresholdPercent: row.removalThresholdPercent,
    updatedAt: row.updatedAt.toISOString(),
    ...picked,
  };
}
