import { Alert, Form, Input, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import type { Application } from '../api/get-applications';
import { useBulkTransition, type BulkResultItem } from '../api/bulk-transition';

export type BulkAction = 'pass' | 'return';

/** The server takes a comment of up to 2000 characters. */
const MAX_COMMENT = 2000;

type Props = {
  /** The applications chosen, with the versions read; null when closed. */
  items: Application[] | null;
  action: BulkAction;
  /** passLabel names the pass of this stage (初审通过 or 推荐). */
  passLabel: string;
  onClose: (done: boolean) => void;
};

/** The failed item's error, as the envelope's body (code, message, fields). */
function errorMessage(item: BulkResultItem): string {
  const e = item.error as { message?: unknown; fields?: { field: string; message: string }[] } | null;
  const fields = (e?.fields ?? []).map((f) => f.message).join('; ');
  return fields || (typeof e?.message === 'string' ? e.message : '');
}

/**
 * BulkTransitionModal passes or returns the chosen applications at once, with one comment
 * (required to return). Each is done as if alone, so some may fail (someone acted first, say):
 * the dialog then lists each one's outcome.
 */
export function BulkTransitionModal({ items, action, passLabel, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  const bulk = useBulkTransition();
  const [results, setResults] = useState<BulkResultItem[] | null>(null);
  const byId = new Map((items ?? []).map((a) => [a.id, a]));
  const count = items?.length ?? 0;

  const close = () => {
    const done = results !== null;
    setResults(null);
    bulk.reset();
    onClose(done);
  };

  const submit = async () => {
    if (!items) return;
    const { comment } = await form.validateFields();
    bulk.mutate(
      { action, ...(comment?.trim() ? { comment: comment.trim() } : {}), items: items.map((a) => ({ id: a.id, version: a.version })) },
      { onSuccess: (res) => setResults(res.items), onError: (e) => handleApiError(e, { form }) },
    );
  };

  const columns: TableColumnsType<BulkResultItem> = [
    { key: 'enterprise', title: t('workflow.applications.columns.enterprise'), render: (_, r) => byId.get(r.id)?.enterprise_name ?? `#${r.id}` },
    { key: 'batch', title: t('workflow.applications.columns.batch'), render: (_, r) => byId.get(r.id)?.batch_name ?? '' },
    {
      key: 'outcome',
      title: t('workflow.review.bulkResults'),
      render: (_, r) =>
        r.ok ? (
          <span data-testid={`bulk-ok-${r.id}`}>
            <Tag color="success">{t('workflow.review.ok')}</Tag>
            {r.application && t('workflow.review.newState', { state: t(`workflow.states.${r.application.state}`) })}
          </span>
        ) : (
          <span data-testid={`bulk-failed-${r.id}`}>
            <Tag color="error">{t('workflow.review.failed')}</Tag>
            {errorMessage(r)}
          </span>
        ),
    },
  ];

  const ok = results?.filter((r) => r.ok).length ?? 0;

  return (
    <Modal
      open={items !== null}
      title={results ? t('workflow.review.bulkResults') : t(action === 'pass' ? 'workflow.review.bulkTitlePass' : 'workflow.review.bulkTitleReturn', { count })}
      okText={results ? t('workflow.common.close') : action === 'pass' ? passLabel : t('workflow.actions.return')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      okButtonProps={{ 'data-testid': results ? 'bulk-close' : 'bulk-submit' }}
      confirmLoading={bulk.isPending}
      onOk={() => (results ? close() : void submit().catch(() => {}))}
      onCancel={close}
      width={results ? 760 : 520}
      destroyOnHidden
    >
      {results ? (
        <>
          <Alert
            type={ok === results.length ? 'success' : ok === 0 ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('workflow.review.bulkSummary', { ok, failed: results.length - ok })}
            data-testid="bulk-summary"
          />
          <Table<BulkResultItem> rowKey="id" size="small" pagination={false} columns={columns} dataSource={results} data-testid="bulk-results" />
        </>
      ) : (
        <Form form={form} layout="vertical" preserve={false} data-testid="bulk-form">
          <Form.Item
            name="comment"
            label={action === 'return' ? t('workflow.transition.comment') : t('workflow.transition.commentOptional')}
            rules={[
              ...(action === 'return' ? [{ required: true, whitespace: true, message: t('workflow.transition.commentRequired') }] : []),
              { max: MAX_COMMENT, message: t('validation.tooLong', { max: MAX_COMMENT }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX_COMMENT} showCount data-testid="bulk-comment" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
