import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SealVerification } from '../../../contract/consultations';
import { shortHex } from './ui';

/** The result of checking a reply's seal against its unit's public key, as a small badge. */
export default function SealCheck({ check }: { check: SealVerification | 'loading' | 'error' | undefined }) {
  const { t } = useTranslation('consultation');
  if (check === undefined || check === 'loading') {
    return (
      <Tag icon={<LoadingOutlined />} data-testid="seal-check" data-valid="pending">
        {t('seal.checking')}
      </Tag>
    );
  }
  if (check === 'error') {
    return (
      <Tag color="default" data-testid="seal-check" data-valid="error">
        {t('seal.checkFailed')}
      </Tag>
    );
  }
  const details = [
    check.algorithm && t(`seal.algorithm.${check.algorithm === 'sm2' ? 'sm2' : 'ed25519'}`),
    check.keyId && t('seal.keyLine', { key: shortHex(check.keyId) }),
    check.signatory && t('seal.signatoryLine', { login: check.signatory }),
  ]
    .filter(Boolean)
    .join(' · ');
  if (check.valid) {
    return (
      <Tooltip title={details}>
        <Tag color="success" icon={<CheckCircleFilled />} data-testid="seal-check" data-valid="true">
          {t('seal.valid')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={details}>
      <Tag color="error" icon={<CloseCircleFilled />} data-testid="seal-check" data-valid="false">
        {t(`seal.invalid.${check.reason ?? 'signature_mismatch'}`)}
      </Tag>
    </Tooltip>
  );
}
