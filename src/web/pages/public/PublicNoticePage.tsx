import { Alert, Empty, Grid, Result, Spin, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api';
import LanguageSwitch from '../../components/LanguageSwitch';
import { usePublicNotice } from '../consultations/queries';
import type { PublicNotice } from '../../../contract/consultations';
import './public.css';
import { formatChinaDate } from '../../format';

type Row = PublicNotice['opinions'][number] & { seq: number };

/**
 * The published adoption notice (意见采纳情况), readable without an account: which opinions
 * came in and what was done with each, in a plain official layout. No internal notes.
 */
export default function PublicNoticePage() {
  const { t, i18n } = useTranslation('consultation');
  const colon = i18n.language === 'en' ? ': ' : '：';
  const params = useParams();
  const id = params.consultationId && /^\d+$/.test(params.consultationId) ? Number(params.consultationId) : null;
  const notice = usePublicNotice(id);
  // On a phone the six columns do not fit: each opinion becomes a card of its own.
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableColumnsType<Row> = [
    { title: t('public.columns.seq'), dataIndex: 'seq', key: 'seq', width: 64, align: 'center' },
    { title: t('public.columns.item'), dataIndex: 'item', key: 'item', width: 220 },
    { title: t('public.columns.unit'), dataIndex: 'unit', key: 'unit', width: 130 },
    { title: t('public.columns.opinion'), dataIndex: 'content', key: 'content', render: (text: string) => <span className="public-prewrap">{text}</span> },
    { title: t('public.columns.decision'), dataIndex: 'disposition', key: 'disposition', width: 100, align: 'center' },
    { title: t('public.columns.reason'), dataIndex: 'reason', key: 'reason', width: 260, render: (text: string | null) => <span className="public-prewrap">{text ?? ''}</span> },
  ];

  let body;
  if (id === null || (notice.error && isApiError(notice.error) && notice.error.status === 404)) {
    body = <Result status="404" title={t('public.notFound')} subTitle={notice.error?.message} />;
  } else if (notice.error) {
    body = <Alert type="error" showIcon title={notice.error.message} />;
  } else if (!notice.data) {
    body = <Spin />;
  } else {
    const data = notice.data;
    body = (
      <>
        <h1 className="public-title" data-testid="public-title">
          {t('public.title', { plan: data.planTitle })}
        </h1>
        <div className="public-rule" />
        <p className="public-lead" data-testid="public-lead">
          {t('public.lead', { title: data.title, deadline: data.deadline, consulted: data.consulted, count: data.opinions.length })}
        </p>
        {narrow ? (
          <ol className="public-opinions" data-testid="public-table">
            {data.opinions.length === 0 && <Empty description={t('public.empty')} />}
            {data.opinions.map((o, i) => (
              <li key={i} className="public-opinion">
                <div className="public-opinion-head">
                  <span>{i + 1}.</span>
                  <span>{o.unit}</span>
                  <span>{o.disposition}</span>
                </div>
                <div>
                  <span className="public-opinion-label">{t('public.columns.item')}{colon}</span>
                  {o.item}
                </div>
                <div className="public-prewrap">
                  <span className="public-opinion-label">{t('public.columns.opinion')}{colon}</span>
                  {o.content}
                </div>
                {o.reason && (
                  <div className="public-prewrap">
                    <span className="public-opinion-label">{t('public.columns.reason')}{colon}</span>
                    {o.reason}
                  </div>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <Table<Row>
            className="public-table"
            size="small"
            bordered
            rowKey="seq"
            columns={columns}
            dataSource={data.opinions.map((o, i) => ({ ...o, seq: i + 1 }))}
            pagination={false}
            locale={{ emptyText: t('public.empty') }}
            data-testid="public-table"
          />
        )}
        <p className="public-date" data-testid="public-date">
          {t('public.published', { date: formatChinaDate(data.publishedAt) })}
          {data.publication > 1 && <span data-testid="public-publication">{' · '}{t('public.publication', { n: data.publication })}</span>}
        </p>
      </>
    );
  }

  return (
    <div className="public-page">
      <div className="public-bar">
        <span>{t('public.bar')}</span>
        <LanguageSwitch />
      </div>
      <main className="public-sheet">{body}</main>
    </div>
  );
}
