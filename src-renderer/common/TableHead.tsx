/** A table's header row: one header per column, and an empty cell over a column of row actions. */
export function TableHead({
  columns,
  actions = false,
}: {
  readonly columns: readonly string[];
  readonly actions?: boolean;
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actions ? <td /> : null}
      </tr>
    </thead>
  );
}
