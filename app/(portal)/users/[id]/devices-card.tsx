import { Card } from "@/components/layout/card";
import { ListTable } from "@/components/list/list-table";
import { RegenerateCredentialForm } from "@/components/users/regenerate-credential-form";
import type { ListedDevice } from "@/lib/devices/list-devices";
import { regenerateDeviceCredentialAction } from "../actions";

const kinds = { softphone: "Softphone", mobile: "Mobile phone" } as const;

/** The user's phones; a device's SIP credential is never shown, only replaced (and the new one shown once). */
export function DevicesCard({ devices }: { devices: ListedDevice[] }) {
  return (
    <Card title="Devices">
      <ListTable columns={["Kind", "Label", "SIP user name", "Status", ""]} empty={devices.length === 0 ? "No devices." : null}>
        {devices.map((d) => (
          <tr key={d.id} className="border-b align-top last:border-0">
            <td className="py-2 pr-4">{kinds[d.kind]}</td>
            <td className="py-2 pr-4">{d.label}</td>
            <td className="py-2 pr-4 font-mono">{d.sipUsername}</td>
            <td className="py-2 pr-4">{d.status === "active" ? "Active" : "Disabled"}</td>
            <td className="py-2 pr-4">
              <RegenerateCredentialForm action={regenerateDeviceCredentialAction} deviceId={d.id} label={d.label} />
            </td>
          </tr>
        ))}
      </ListTable>
    </Card>
  );
}
