import { styles } from './theme.js';

/** A table's head: one column header per label, in order. */
export function ColumnHeaders({ columns }: { readonly columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" style={styles.headerCell}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
