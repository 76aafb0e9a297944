import Link from "next/link";

export function LinkButton({ href, children, variant = "primary" }: { href: string; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-sky-700 text-white hover:bg-sky-800" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100";
  return (
    <Link href={href} className={`inline-block rounded-md px-4 py-2 text-sm font-medium shadow-sm ${style}`}>
      {children}
    </Link>
  );
}
