/**
 * A plain GET form: the search lives in the URL, so it works without JavaScript and can be bookmarked.
 * `notice` says how the search in the URL was changed before it was run (see readListQuery).
 */
export function SearchForm({ action, q, placeholder, notice = null }: { action: string; q: string; placeholder: string; notice?: string | null }) {
  return (
    <>
      {notice ? (
        <p role="status" className="mb-2 text-sm text-amber-800">
          {notice}
        </p>
      ) : null}
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
    </>
  );
}
