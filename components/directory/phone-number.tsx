import { formatPhone, type CountryCode } from "@/lib/phone/normalise-phone";

type Props = { raw: string | null; e164: string | null; country: CountryCode | null };

/**
 * A number as the company reads it (national format for its own country,
 * international for the rest), the source's own spelling on hover. One that
 * could not be read as a number is shown as written, flagged.
 */
export function PhoneNumber({ raw, e164, country }: Props) {
  if (e164) return <span title={raw ?? undefined}>{formatPhone(e164, country)}</span>;
  if (!raw) return <>—</>;
  return (
    <span>
      {raw}{" "}
      <span className="rounded bg-amber-100 px-1 text-xs text-amber-800" title="This is not a phone number the portal can read; caller ID cannot find it.">
        not a number
      </span>
    </span>
  );
}
