import { Result, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import LanguageSwitch from '../../components/LanguageSwitch';
import { displayValue } from './field-values';
import { usePublicSnapshotPage } from '../public/queries';
import '../public/public.css';
import './registers.css';
import { formatChinaTime } from '../../format';

/** A register as published: its public fields, frozen at publication; rows come a page at a time. */
export default function PublicSnapshotPage() {
  const { t, i18n } = useTranslation('registers');
  const raw = useParams().snapshotId;
  const id = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const snapshot = usePublicSnapshotPage(id, paging.page, paging.pageSize);
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
          rowKey="key"
          loading={snapshot.isFetching}
          dataSource={s.rows.map((values, i) => ({ key: (paging.page - 1) * paging.pageSize + i, values }))}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: s.total ?? s.rows.length,
            pageSizeOptions: [20, 50, 100],
            showSizeChanger: true,
            onChange: (page, pageSize) => setPaging(pageSize === paging.pageSize ? { page, pageSize } : { page: 1, pageSize }),
          }}
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
