import { Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../api/get-import';
import { errorLines, type ErrorLine } from './import-view';

/** ImportErrorTable lists each problem of a file: the row as Excel numbers it, the column's header, the cell and why. */
export function ImportErrorTable({ errors }: { errors: readonly ImportRowError[] }) {
  const { t } = useTranslation();
  const lines = useMemo(() => errorLines(errors), [errors]);
  const columns: TableColumnsType<ErrorLine> = [
    {
      key: 'row',
      title: t('imports.errors.row'),
      width: 110,
      render: (_, e) => <span data-testid="import-error-row">{e.row === 1 ? t('imports.errors.headerRow', { row: e.row }) : e.row}</span>,
    },
    {
      key: 'column',
      title: t('imports.errors.column'),
      width: 220,
      // The header as the caller's template names it; an unknown header as the file wrote it.
      render: (_, e) => <span data-testid="import-error-column">{e.header || e.column || t('imports.errors.noCell')}</span>,
    },
    {
      key: 'cell',
      title: t('imports.errors.cell'),
      width: 90,
      render: (_, e) => (
        <Typography.Text code={Boolean(e.cell)} data-testid="import-error-cell">
          {e.cell || t('imports.errors.noCell')}
        </Typography.Text>
      ),
    },
    { key: 'message', title: t('imports.errors.message'), render: (_, e) => <span data-testid="import-error-message">{e.message}</span> },
  ];
  return (
    <Table<ErrorLine>
      data-testid="import-errors"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={lines}
      onRow={(e) => ({ 'data-testid': 'import-error', 'data-row': e.row, 'data-column': e.column }) as HTMLAttributes<HTMLElement>}
      pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
    />
  );
}
