// A table's column headers, in order.
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l) => (
          <th scope="col" key={l}>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}
