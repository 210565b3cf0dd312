import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { missingInputLabel, missingInputLink, parseMissingInput } from './missing-inputs';

type Props = { enterpriseId: number; missing: string[]; canEdit: boolean };

/** MissingInputs lists the inputs an evaluation lacked, in words, each linking to where it is filled in. */
export function MissingInputs({ enterpriseId, missing, canEdit }: Props) {
  const { t } = useTranslation();
  if (missing.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="missing-none">
        {t('selfCheck.noMissing')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="missing-inputs">
      <Typography.Text strong>{t('selfCheck.missingTitle')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, columns: '20em auto' }}>
        {missing.map((name) => {
          const input = parseMissingInput(name);
          const label = missingInputLabel(t, input);
          const link = missingInputLink(enterpriseId, input, canEdit);
          return (
            <li key={name}>
              {link ? (
                <Link to={link} data-testid="missing-input" data-name={name}>
                  {label}
                </Link>
              ) : (
                <span data-testid="missing-input" data-name={name}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
