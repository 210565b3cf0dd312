import { NotificationOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications, type Application } from '@/features/applications/api/get-applications';
import type { Batch } from '@/features/batches/api/get-batches';
import { handleApiError } from '@/lib/api/handle-error';
import { isApiError } from '@/lib/api/errors';
import { notify } from '@/lib/notify';
import { usePublishNotice } from '../api/publish-notice';
import { CONTACT_MAX, TITLE_MAX, toPublishNotice, type PublishFormValues } from './publish-values';

const MAX_SELECTABLE = 200;

/**
 * PublishNotice is the city's "publish for public notice" of a batch: it picks among the batch's
 * applications at city review (all of them unless told) and names the title and the contact line.
 */
export function PublishNotice({ batch }: { batch: Pick<Batch, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PublishFormValues>();
  const candidates = useApplications({ batch: batch.id, state: 'city_review', page_size: MAX_SELECTABLE }, { enabled: open });
  const [selected, setSelected] = useState<number[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const publish = usePublishNotice();
  const items = candidates.data?.items ?? [];
  const chosen = selected ?? items.map((a) => a.id);

  const close = () => {
    setOpen(false);
    setSelected(null);
    setRefusal(null);
  };

  const submit = async () => {
    const values = await form.validateFields();
    if (chosen.length === 0) return setRefusal(t('notices.publish.noneChosen'));
    setRefusal(null);
    publish.mutate(
      { batchId: batch.id, body: toPublishNotice(values, chosen) },
      {
        onSuccess: (notice) => {
          notify.success(t('notices.publish.done', { count: notice.entries.length }));
          close();
        },
        onError: (error) => {
          if (!isApiError(error) || (error.status !== 409 && error.status !== 422)) return void handleApiError(error);
          // The title and contact go under their inputs; anything else (the step is off, an application has moved on) above the list.
          const onForm = error.fields.filter((f) => f.field === 'title' || f.field === 'contact');
          form.setFields(onForm.map((f) => ({ name: f.field as 'title' | 'contact', errors: [f.message] })));
          const rest = error.fields.filter((f) => !onForm.includes(f));
          if (rest.length > 0 || onForm.length === 0) setRefusal([error.message, ...rest.map((f) => f.message)].join(' '));
        },
      },
    );
  };

  return (
    <>
      <Button icon={<NotificationOutlined />} onClick={() => setOpen(true)} data-testid="publish-notice">
        {t('notices.publish.button')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('notices.publish.title')}
        okText={t('notices.publish.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: items.length === 0, 'data-testid': 'publish-submit' }}
        confirmLoading={publish.isPending}
        onOk={() => void submit().catch(() => {})}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('notices.publish.help')}</Typography.Paragraph>
        {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="publish-refused" />}
        <Form<PublishFormValues> form={form} layout="vertical" preserve={false} initialValues={{ title: t('notices.publish.defaultTitle', { batch: batch.name }) }} data-testid="publish-form">
          <Form.Item name="title" label={t('notices.fields.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX, message: t('validation.tooLong', { max: TITLE_MAX }) }]}>
            <Input maxLength={TITLE_MAX} data-testid="publish-title" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('notices.fields.contact')}
            extra={t('notices.publish.contactHelp')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: CONTACT_MAX, message: t('validation.tooLong', { max: CONTACT_MAX }) }]}
          >
            <Input maxLength={CONTACT_MAX} placeholder={t('notices.publish.contactPlaceholder')} data-testid="publish-contact" />
          </Form.Item>
        </Form>
        <Typography.Text strong>{t('notices.publish.choose', { chosen: chosen.length, total: items.length })}</Typography.Text>
        <Table<Application>
          rowKey="id"
          size="small"
          loading={candidates.isFetching}
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={items}
          locale={{ emptyText: t('notices.publish.noCandidates') }}
          rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys.map(Number)) }}
          columns={[
            { key: 'name', title: t('notices.fields.enterprise'), dataIndex: 'enterprise_name' },
            { key: 'code', title: t('notices.fields.creditCode'), dataIndex: 'credit_code' },
            { key: 'region', title: t('notices.fields.region'), dataIndex: 'region_name' },
          ]}
          data-testid="publish-candidates"
        />
      </Modal>
    </>
  );
}
