"use client";

import { useState } from "react";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import type { SyncPeriod } from "@/db/schema";
import { weekdays, type ScheduleSettings } from "@/lib/sync/schedule";

const periods = [
  { value: "hourly", label: "Every hour" },
  { value: "daily", label: "Every day" },
  { value: "weekly", label: "Every week" },
];

type Props = {
  values: ScheduleSettings | null;
  timeZone: string;
  error: (field: string) => string | undefined;
  /** What the connector calls its runs ("User Look-Up" for both, as the screens have always said). */
  periodLabel?: string;
  timeLabel?: string;
};

/**
 * How often a connector runs and when (period, weekday, hour:minute:second in
 * the company's time zone), as posted fields of the settings form. The day of
 * the week is asked for only when the period is weekly, the hour only when it
 * is not hourly (an hourly run fires at its minute and second of every hour;
 * the stored hour is posted unchanged for when the period changes back).
 */
export function ScheduleFields({ values, timeZone, error, periodLabel = "User Look-Up Period", timeLabel = "User Look-Up Execution Time" }: Props) {
  const [period, setPeriod] = useState<SyncPeriod>(values?.period ?? "daily");
  return (
    <>
      <SelectField
        label={periodLabel}
        name="period"
        options={periods}
        value={period}
        onChange={(ev) => setPeriod(ev.target.value as SyncPeriod)}
        error={error("period")}
      />
      {period === "weekly" ? (
        <SelectField
          label="Day of the week"
          name="weekday"
          options={weekdays.map((d, i) => ({ value: String(i), label: d }))}
          defaultValue={String(values?.weekday ?? 1)}
          error={error("weekday")}
        />
      ) : (
        <input type="hidden" name="weekday" value="" />
      )}
      <div className="md:col-span-2">
        <p className="mb-1 text-sm font-medium text-slate-700">
          {timeLabel} ({timeZone}){period === "hourly" ? " — every hour at" : ""}
        </p>
        <div className="grid grid-cols-3 gap-3 sm:max-w-md">
          {period === "hourly" ? (
            <input type="hidden" name="runHour" value={String(values?.runHour ?? 2)} />
          ) : (
            <TextField label="Hour" name="runHour" type="number" min={0} max={23} defaultValue={values?.runHour ?? 2} error={error("runHour")} />
          )}
          <TextField label="Minute" name="runMinute" type="number" min={0} max={59} defaultValue={values?.runMinute ?? 0} error={error("runMinute")} />
          <TextField label="Second" name="runSecond" type="number" min={0} max={59} defaultValue={values?.runSecond ?? 0} error={error("runSecond")} />
        </div>
      </div>
    </>
  );
}
