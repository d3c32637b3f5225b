import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api';
import FullPageSpin from '../../components/FullPageSpin';
import OfficeConsultation from './OfficeConsultation';
import { useConsultation } from './queries';
import UnitConsultation from './UnitConsultation';
import './consultation.css';

/** One consultation: the office runs it; a recipient unit reads the text and replies. */
export default function ConsultationPage() {
  const { t } = useTranslation('consultation');
  const params = useParams();
  const id = params.consultationId && /^\d+$/.test(params.consultationId) ? Number(params.consultationId) : null;
  const consultation = useConsultation(id);

  if (id === null || (consultation.error && isApiError(consultation.error) && (consultation.error.status === 404 || consultation.error.status === 403))) {
    return (
      <Result
        status={consultation.error && isApiError(consultation.error) && consultation.error.status === 403 ? '403' : '404'}
        title={t('page.notFound')}
        subTitle={consultation.error?.message}
        extra={
          <Link to="/consultations">
            <Button type="primary">{t('page.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (consultation.error) return <Alert type="error" showIcon title={consultation.error.message} />;
  if (!consultation.data) return <FullPageSpin />;
  return consultation.data.allowed.manage ? <OfficeConsultation consultation={consultation.data} /> : <UnitConsultation consultation={consultation.data} />;
}
