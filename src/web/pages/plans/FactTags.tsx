import { ClockCircleOutlined, QuestionCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Popover, Tag, Tooltip } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/setup';
import type { Span } from '../../../contract/common';
import type { PlanResponsible, PlanTarget } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';
import { isModified, isRenamed, isUnmatched, ROLE_COLOURS, UNMATCHED_COLOUR } from './facts';
import { formatTargetValue } from './target-format';
import { scheduleParts, type PlanSchedule } from './schedule-format';

interface FactEvents {
  /** Pointer or focus on the fact (its span), or off it (null). */
  onHover: (span: Span | null) => void;
  /** Set when the person may correct the fact. */
  onOpen?: () => void;
}

/** Pointer, focus, click and keyboard behaviour shared by every fact tag. */
function factProps(span: Span, { onHover, onOpen }: FactEvents) {
  return {
    tabIndex: 0,
    role: onOpen ? 'button' : undefined,
    onMouseEnter: () => onHover(span),
    onMouseLeave: () => onHover(null),
    onFocus: () => onHover(span),
    onBlur: () => onHover(null),
    onClick: onOpen,
    onKeyDown: (event: KeyboardEvent) => {
      if (onOpen && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        onOpen();
      }
    },
  };
}

export function ModifiedMark() {
  const { t } = useTranslation();
  return (
    <span className="plan-modified" data-testid="fact-modified">
      {t('plan.modified')}
    </span>
  );
}

/** "14 个市州" when the members are all of one kind, else "14 个单位". */
function useExpandsLabel(fact: PlanResponsible, unitsById: ReadonlyMap<number, Unit>): string {
  const { t } = useTranslation();
  const kinds = new Set(fact.expandsUnitIds.map((id) => (id === null ? null : (unitsById.get(id)?.kind ?? null))));
  const [kind] = [...kinds];
  const count = fact.expands.length;
  return kinds.size === 1 && kind ? t('plan.expandsKind', { count, kind: t(`kind.${kind}`) }) : t('plan.expandsUnits', { count });
}

export function ResponsibleTag({ fact, unitsById, ...events }: { fact: PlanResponsible; unitsById: ReadonlyMap<number, Unit> } & FactEvents) {
  const { t } = useTranslation();
  const unmatched = isUnmatched(fact);
  const expandsLabel = useExpandsLabel(fact, unitsById);
  const unit = fact.unitId === null ? undefined : unitsById.get(fact.unitId);
  const label = fact.unit ?? fact.raw;
  const className = ['plan-fact', events.onOpen ? 'plan-fact-editable' : ''].join(' ');

  const tag = (
    <Tag
      color={unmatched ? UNMATCHED_COLOUR : ROLE_COLOURS[fact.role]}
      icon={unmatched ? <WarningOutlined /> : undefined}
      className={className}
      data-testid="fact"
      data-kind="responsible"
      data-role={fact.role}
      data-span={`${fact.span[0]}-${fact.span[1]}`}
      data-modified={isModified(fact) || undefined}
      aria-label={`${t(`plan.role.${fact.role}`)} ${label}`}
      {...factProps(fact.span, events)}
    >
      {unmatched && <span style={{ opacity: 0.75 }}>{t('plan.unmatchedRole', { role: t(`plan.legend.${fact.role}`) })}</span>}
      {label}
      {fact.expands.length > 0 && <span style={{ opacity: 0.7, marginInlineStart: 4 }}>{fact.expands.length}</span>}
      {isModified(fact) && <ModifiedMark />}
    </Tag>
  );

  const lines: ReactNode[] = [<strong key="role">{t(`plan.role.${fact.role}`)}</strong>];
  if (unit && unit.name !== label) lines.push(<div key="name">{unit.name}</div>);
  if (unmatched) lines.push(<div key="unmatched">{t('plan.unmatchedTip', { raw: fact.raw })}</div>);
  if (isRenamed(fact)) lines.push(<div key="renamed">{t('plan.renamedTip', { raw: fact.raw, unit: fact.unit })}</div>);
  if (events.onOpen) lines.push(<div key="edit" style={{ opacity: 0.75 }}>{t('plan.clickToEdit')}</div>);

  if (fact.expands.length > 0) {
    return (
      <Popover
        title={t('plan.expandsTitle', { raw: fact.raw, members: expandsLabel })}
        content={
          <div style={{ maxWidth: 320 }} data-testid="fact-expands">
            <div style={{ marginBottom: 6 }}>{fact.expands.join('、')}</div>
            {lines}
          </div>
        }
      >
        {tag}
      </Popover>
    );
  }
  return <Tooltip title={<div>{lines}</div>}>{tag}</Tooltip>;
}

export function TargetChip({ fact, ...events }: { fact: PlanTarget } & FactEvents) {
  const { t } = useTranslation();
  const { uncertain } = fact;
  const value = formatTargetValue(fact, currentLocale());
  const details = [fact.subject, fact.scope, fact.year === null ? null : t('plan.year', { year: fact.year })].filter(
    (part): part is string => !!part,
  );
  const className = ['plan-fact', uncertain ? 'plan-fact-uncertain' : '', events.onOpen ? 'plan-fact-editable' : ''].join(' ');
  return (
    <Tooltip
      title={
        <div>
          <div>{t('plan.quoteLine', { raw: fact.raw })}</div>
          {uncertain && <div>{t('plan.uncertainTip', { percent: Math.round(fact.confidence * 100) })}</div>}
          {events.onOpen && <div style={{ opacity: 0.75 }}>{t('plan.clickToEdit')}</div>}
        </div>
      }
    >
      <Tag
        color={uncertain ? 'orange' : 'cyan'}
        variant="outlined"
        icon={uncertain ? <QuestionCircleOutlined /> : undefined}
        className={className}
        data-testid="fact"
        data-kind="target"
        data-span={`${fact.span[0]}-${fact.span[1]}`}
        data-uncertain={uncertain || undefined}
        data-modified={isModified(fact) || undefined}
        {...factProps(fact.span, events)}
      >
        <strong>{value}</strong>
        {details.length > 0 && <span style={{ opacity: 0.8 }}> · {details.join(' · ')}</span>}
        {isModified(fact) && <ModifiedMark />}
      </Tag>
    </Tooltip>
  );
}

/** A division table's 完成时限/频次 for the item: due date and/or frequency, the cell as written in the tooltip. */
export function ScheduleTag({ schedule, onHover }: { schedule: PlanSchedule; onHover: (span: Span | null) => void }) {
  const { t } = useTranslation();
  const parts = scheduleParts(schedule);
  return (
    <Tooltip title={t('plan.quoteLine', { raw: schedule.raw })}>
      <Tag
        color="geekblue"
        variant="outlined"
        icon={<ClockCircleOutlined />}
        className="plan-fact"
        data-testid="item-schedule"
        data-span={`${schedule.span[0]}-${schedule.span[1]}`}
        tabIndex={0}
        onMouseEnter={() => onHover(schedule.span)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(schedule.span)}
        onBlur={() => onHover(null)}
      >
        {parts.map((p) => t(p.key, p.params)).join(' · ')}
      </Tag>
    </Tooltip>
  );
}
