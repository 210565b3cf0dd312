import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import type { Import, ImportKind } from '../api/get-import';
import { importTemplateUrl } from '../api/import-template';
import { ImportUploader } from './ImportUploader';

type Props = {
  kinds: ImportKind[];
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  onUploaded: (im: Import) => void;
};

/** ImportStart is where an import begins: what to import, its template, and the file. */
export function ImportStart({ kinds, kind, onKind, onUploaded }: Props) {
  const { t } = useTranslation();
  return (
    <Card data-testid="import-start" style={{ marginBottom: 16 }}>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.steps.kind')}
          </Typography.Title>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(e) => onKind(e.target.value as ImportKind)}
            data-testid="import-kind"
            options={kinds.map((k) => ({ value: k, label: <span data-testid={`import-kind-${k}`}>{t(`imports.kinds.${k}`)}</span> }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="import-kind-hint">
            {t(`imports.kindHints.${kind}`)}
          </Typography.Paragraph>
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.steps.template')}
          </Typography.Title>
          <Button icon={<DownloadOutlined />} href={importTemplateUrl(kind, currentLanguage())} download data-testid="import-template">
            {t('imports.template.download', { kind: t(`imports.kinds.${kind}`) })}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('imports.template.hint')}
          </Typography.Paragraph>
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.steps.upload')}
          </Typography.Title>
          {/* A new uploader per kind, so that a problem said of one kind's file is not left under another. */}
          <ImportUploader key={kind} kind={kind} onUploaded={onUploaded} />
        </div>
      </Flex>
    </Card>
  );
}
