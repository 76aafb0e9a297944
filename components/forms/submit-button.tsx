type Props = {
  children: React.ReactNode;
  pending: boolean;
  variant?: "primary" | "danger" | "secondary";
  pendingText?: string;
};

const styles = {
  primary: "bg-sky-700 text-white hover:bg-sky-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
};

/** Disabled while its form is submitting, so a double click does not submit twice. */
export function SubmitButton({ children, pending, variant = "primary", pendingText }: Props) {
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:opacity-60 ${styles[variant]}`}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
