/** A plain GET form: the search lives in the URL, so it works without JavaScript and can be bookmarked. */
export function SearchForm({ action, q, placeholder }: { action: string; q: string; placeholder: string }) {
  return (
    <form action={action} method="get" role="search" className="mb-4 flex gap-2">
      <input
        type="search"
        name="q"
        defaultValue={q}
        placeholder={placeholder}
        aria-label={placeholder}
        className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
      />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
        Search
      </button>
    </form>
  );
}
