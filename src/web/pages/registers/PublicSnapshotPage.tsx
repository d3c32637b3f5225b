import { Result, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import LanguageSwitch from '../../components/LanguageSwitch';
import { displayValue } from './field-values';
import { usePublicSnapshot } from './queries';
import '../public/public.css';
import './registers.css';
import { formatChinaTime } from '../../format';

/** A register as published: its public fields, frozen at publication. */
export default function PublicSnapshotPage() {
  const { t, i18n } = useTranslation('registers');
  const raw = useParams().snapshotId;
  const id = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const snapshot = usePublicSnapshot(id);
  if (id === null || snapshot.error) return <Result status="404" title={t('public.notFound')} extra={<Link to="/public">{t('public.back')}</Link>} />;
  if (!snapshot.data) return <Spin />;
  const s = snapshot.data;
  const en = i18n.language === 'en';
  return (
    <div className="public-page">
      <div className="public-bar">
        <Link to="/public">{t('public.back')}</Link>
        <LanguageSwitch />
      </div>
      <main className="public-sheet public-portal">
      <h1 className="public-title" data-testid="snapshot-title">
        {s.registerName} · {s.label}
      </h1>
      <div className="public-rule" />
      <p className="public-lead">{t('public.published', { time: formatChinaTime(s.publishedAt) })}</p>
      <div className="register-table-box">
        <Table
          size="small"
          bordered
          rowKey={(_, i) => String(i)}
          dataSource={s.rows.map((values, i) => ({ key: i, values }))}
          pagination={{ pageSize: 50 }}
          scroll={{ x: 'max-content' }}
          columns={s.fields.map((f, i) => ({
            key: f.name,
            title: en && f.nameEn ? f.nameEn : f.name,
            render: (_: unknown, r: { values: (string | number | boolean | null)[] }) => displayValue(r.values[i], t('register.yes'), t('register.no')),
          }))}
        />
      </div>
      </main>
    </div>
  );
}
