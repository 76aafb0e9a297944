import type { ConnectorId, SyncRun, SyncTrigger } from "@/db/schema";
import { graphWaitsLabel } from "@/lib/connectors/entra/graph-waits-label";
import { connectorScreens } from "@/lib/connectors/screens";

/** What a connector's screens call it and its runs, and where they live. */
export type ConnectorLabels = {
  /** The screen's name, as customers know it (the tab, the page title). */
  label: string;
  /** The connector's screen; its run history and runs live under it. */
  path: string;
  /** What one run is called in sentences ("No sync has run yet."). */
  run: "sync" | "import";
  /** The same with its article ("Save the settings to run an import."). */
  aRun: string;
  /** The run history's title, and the link or tab to it. */
  history: string;
  triggers: Record<SyncTrigger, string>;
  /** What a run reads from, for the counters of a run ("Graph: 3 pages"). */
  sourceName: string;
  /** Said on the screen before the first run. */
  firstRunHint: string;
  /** How a run's waits at the source are told, where the source makes it wait (Graph's throttling). */
  waits?: (run: SyncRun) => string;
};

/** The screen's name and place, as the connector registry states them (lib/connectors/screens.ts). */
const screenOf = (id: ConnectorId) => ({ label: connectorScreens[id].label, path: `/authority/${connectorScreens[id].segment}` });

/**
 * Every connector's words in one place, so the tabs, pages, buttons and
 * history of a connector say the same thing. Keyed by connector id: a new
 * connector without its labels does not type-check.
 */
export const connectorLabels: Record<ConnectorId, ConnectorLabels> = {
  entra: {
    ...screenOf("entra"),
    run: "sync",
    aRun: "a sync",
    history: "Sync history",
    triggers: { schedule: "Scheduled", one_time: "One-time Sync", simulate: "Simulate", full_resync: "Full resync", notification: "Change notification" },
    sourceName: "Graph",
    firstRunHint: "No sync has run yet. The first one is best started by hand: One-time Sync.",
    waits: graphWaitsLabel,
  },
  // An Active Directory run reads everything every time: an "import", never a delta "sync".
  "active-directory": {
    ...screenOf("active-directory"),
    run: "import",
    aRun: "an import",
    history: "Import history",
    triggers: {
      schedule: "Scheduled import",
      one_time: "One-time import",
      simulate: "Simulate",
      full_resync: "Full import",
      notification: "Change notification",
    },
    sourceName: "Directory",
    firstRunHint: "No import has run yet. Try Simulate first: it shows what an import would change, and writes nothing.",
  },
};
