/**
 * A list's table: its column headings, its rows, and one line saying so when
 * there are none. Headings named in `numeric` sit right, over right-aligned counts.
 */
export function ListTable({
  columns,
  numeric = [],
  empty,
  children,
}: {
  columns: string[];
  numeric?: string[];
  empty: string | null;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column} className={numeric.includes(column) ? "py-2 pr-4 text-right" : "py-2 pr-4"}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {empty ? (
            <tr>
              <td colSpan={columns.length} className="py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
