import { useState } from 'react';
import { Button } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import { ReportQuery } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';

/**
 * Downloads GET /export.csv with the current filters. The request carries the user's token,
 * which a plain link to the backend could not, so the file is fetched and saved from memory.
 */
export function ExportCsvButton(props: { filters: ReportQuery }) {
  const api = useApi(mandateApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const csv = await api.exportCsv(props.filters);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'mandate-report.csv';
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="secondary"
      onPress={download}
      loading={busy}
      aria-label="Export CSV"
      destructive={!!error}
    >
      {error ? 'Export failed, retry' : 'Export CSV'}
    </Button>
  );
}
