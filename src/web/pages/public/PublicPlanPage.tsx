import { Alert, Progress, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api';
import LanguageSwitch from '../../components/LanguageSwitch';
import { formatChinaDate, formatChinaTime } from '../../format';
import type { PublicPlan } from './queries';
import { usePublicPlan } from './queries';
import './public.css';

type Light = 'green' | 'yellow' | 'red';
type Task = PublicPlan['sections'][number]['tasks'][number];
const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];
const LIGHT_HEX: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

const percentText = (p: number | null) => (p === null ? '—' : `${Number.isInteger(p) ? p : p.toFixed(1)}%`);

/** A light as a dot with its name beside it (never the colour alone). */
function LightMark({ light }: { light: Light }) {
  const { t } = useTranslation('public');
  return (
    <span className="pp-light" data-light={light} data-testid="pp-light">
      <span className="pp-dot" style={{ background: LIGHT_HEX[light] }} aria-hidden />
      {t(`plan.lights.${light}`)}
    </span>
  );
}

function TaskRow({ task }: { task: Task }) {
  const { t } = useTranslation('public');
  return (
    <li className="pp-task" data-testid="pp-task">
      <div className="pp-task-title">{task.title}</div>
      <div className="pp-task-facts">
        {task.light && <LightMark light={task.light} />}
        {task.closed ? (
          <span className="pp-closed">{t('plan.done')}</span>
        ) : task.percent === null ? (
          <span className="pp-muted">{t('plan.noFigure')}</span>
        ) : (
          <span>{t('plan.complete', { percent: percentText(task.percent).replace('%', '') })}</span>
        )}
        {task.leadUnit && <span className="pp-muted">{t('plan.lead', { unit: task.leadUnit })}</span>}
        <span className="pp-muted">{t('plan.due', { date: task.dueDate })}</span>
      </div>
      {!task.closed && task.percent !== null && (
        <Progress percent={task.percent} showInfo={false} size="small" strokeColor={task.light ? LIGHT_HEX[task.light] : undefined} style={{ margin: 0 }} />
      )}
    </li>
  );
}

/**
 * A plan's progress as the office published it (公开): sections and their tasks, each with its
 * lead unit, due date, completion (accepted figures only) and, when shown, its light; the
 * adoption notice of its consultation when published. No account; reads well on a phone.
 */
export default function PublicPlanPage() {
  const { t } = useTranslation('public');
  const raw = useParams().planId;
  const id = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const plan = usePublicPlan(id);

  let body;
  if (id === null || (plan.error && isApiError(plan.error) && plan.error.status === 404)) {
    body = <Result status="404" title={t('plan.notFound')} extra={<Link to="/public">{t('plan.back')}</Link>} />;
  } else if (plan.error) {
    body = <Alert type="error" showIcon title={plan.error.message} />;
  } else if (!plan.data) {
    body = <Spin />;
  } else {
    const p = plan.data;
    body = (
      <>
        <h1 className="public-title" data-testid="pp-title">
          {p.title}
        </h1>
        <div className="public-rule" />
        <p className="pp-sub">
          <span>{t('plan.heading')}</span>
          <span>{t('plan.version', { version: p.version })}</span>
          {p.publishedAt && <span>{t('plan.publishedOn', { date: formatChinaDate(p.publishedAt) })}</span>}
        </p>
        <p className="pp-updated" data-testid="pp-updated">
          {t('plan.updated', { time: formatChinaTime(p.updatedAt) })}
        </p>
        <div className="pp-figures" data-testid="pp-figures">
          <div className="pp-figure">
            <b>{p.tasks}</b>
            <span>{t('plan.tasks')}</span>
          </div>
          <div className="pp-figure">
            <b>{p.closed}</b>
            <span>{t('plan.closed')}</span>
          </div>
          <div className="pp-figure">
            <b>{percentText(p.percent)}</b>
            <span>{t('plan.percent')}</span>
          </div>
          {p.lights &&
            LIGHTS.map((light) => (
              <div className="pp-figure" key={light} data-testid={`pp-count-${light}`}>
                <b style={{ color: LIGHT_HEX[light] }}>{p.lights![light]}</b>
                <span>{t(`plan.lights.${light}`)}</span>
              </div>
            ))}
        </div>
        {p.notices.length > 0 && (
          <div className="pp-notices" data-testid="pp-notices">
            <span className="pp-muted">{t('plan.notices')}</span>
            {p.notices.map((n) => (
              <Link key={n.id} to={`/public/consultations/${n.id}`} data-testid="pp-notice">
                {n.title}
              </Link>
            ))}
          </div>
        )}
        {p.sections.map((s, i) => (
          <section className="pp-section" key={s.title || `other-${i}`} data-testid="pp-section">
            <h2>{s.title || t('plan.otherSection')}</h2>
            <div className="pp-section-line">
              <span>{t('plan.sectionLine', { count: s.tasks.length, percent: percentText(s.percent) })}</span>
              {s.lights &&
                LIGHTS.filter((light) => s.lights![light] > 0).map((light) => (
                  <span key={light} className="pp-light">
                    <span className="pp-dot" style={{ background: LIGHT_HEX[light] }} aria-hidden />
                    {t(`plan.lights.${light}`)} {s.lights![light]}
                  </span>
                ))}
            </div>
            <ol className="pp-tasks">
              {s.tasks.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </ol>
          </section>
        ))}
        <p className="pp-note">{t('plan.completionNote')}</p>
        {p.lights && <p className="pp-note">{t('plan.legend')}</p>}
      </>
    );
  }

  return (
    <div className="public-page">
      <div className="public-bar">
        <Link to="/public">{t('plan.back')}</Link>
        <LanguageSwitch />
      </div>
      <main className="public-sheet public-progress">{body}</main>
    </div>
  );
}
