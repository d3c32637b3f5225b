import { WarningOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../../contract/common';
import type { PlanItem, PlanView } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';
import type { FactEditorTarget } from './FactEditorModal';
import { ResponsibleTag, ScheduleTag, TargetChip } from './FactTags';
import { groupItems, ROLE_COLOURS, UNMATCHED_COLOUR, warningsWithin } from './facts';

interface StructurePaneProps {
  plan: PlanView;
  unitsById: ReadonlyMap<number, Unit>;
  onHoverItem: (span: Span | null) => void;
  onHoverFact: (span: Span | null) => void;
  /** Set for people who may correct facts. */
  onOpenFact?: (target: FactEditorTarget) => void;
  height: string;
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center" style={{ padding: '8px 0', fontSize: 12 }}>
      <Tag color={ROLE_COLOURS.lead}>{t('plan.legend.lead')}</Tag>
      <Tag color={ROLE_COLOURS.cooperate}>{t('plan.legend.cooperate')}</Tag>
      <Tag color={ROLE_COLOURS.localities}>{t('plan.legend.localities')}</Tag>
      <Tag color={UNMATCHED_COLOUR} icon={<WarningOutlined />}>
        {t('plan.legend.unmatched')}
      </Tag>
      <Tag color="cyan" variant="outlined">
        {t('plan.legend.target')}
      </Tag>
      <Tag color="orange" variant="outlined" className="plan-fact-uncertain">
        {t('plan.legend.uncertain')}
      </Tag>
    </Flex>
  );
}

function ItemCard({ item, plan, unitsById, onHoverItem, onHoverFact, onOpenFact }: Omit<StructurePaneProps, 'height'> & { item: PlanItem }) {
  const { t } = useTranslation();
  const warnings = warningsWithin(plan.warnings, item.span);
  return (
    <div
      className="plan-item"
      data-testid={`item-${item.ordinal}`}
      onMouseEnter={() => onHoverItem(item.span)}
      onMouseLeave={() => onHoverItem(null)}
    >
      <div style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ marginInlineEnd: 4 }}>
          {item.number}
        </Typography.Text>
        <Typography.Text strong data-testid="item-title">
          {item.title}
        </Typography.Text>
        {warnings.length > 0 && (
          <Tooltip title={warnings.map((w, i) => <div key={i}>{w.message}</div>)}>
            <Typography.Text type="warning" style={{ marginInlineStart: 8, fontSize: 12, whiteSpace: 'nowrap' }}>
              <WarningOutlined /> {t('plan.itemWarnings', { count: warnings.length })}
            </Typography.Text>
          </Tooltip>
        )}
      </div>
      {item.responsible.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>
          {t('plan.noResponsible')}
        </Typography.Text>
      ) : (
        <div>
          {item.responsible.map((fact) => (
            <ResponsibleTag
              key={`${fact.span[0]}-${fact.span[1]}`}
              fact={fact}
              unitsById={unitsById}
              onHover={onHoverFact}
              onOpen={onOpenFact && (() => onOpenFact({ op: 'update', kind: 'responsible', item, fact }))}
            />
          ))}
        </div>
      )}
      {item.schedule && (
        <div>
          <ScheduleTag schedule={item.schedule} onHover={onHoverFact} />
        </div>
      )}
      {item.targets.length > 0 && (
        <div>
          {item.targets.map((fact) => (
            <TargetChip
              key={`${fact.span[0]}-${fact.span[1]}`}
              fact={fact}
              onHover={onHoverFact}
              onOpen={onOpenFact && (() => onOpenFact({ op: 'update', kind: 'target', item, fact }))}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** Sections as headings and under them the items, each with its responsible units, its schedule (完成时限/频次) and its targets. */
function StructurePane({ height, ...props }: StructurePaneProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupItems(props.plan.sections, props.plan.items), [props.plan.sections, props.plan.items]);
  return (
    <div className="plan-structure" style={{ height }} data-testid="plan-structure">
      <Legend />
      {groups.map(({ section, items }) => (
        <section key={section?.ordinal ?? 0}>
          <div className="plan-section-title">
            {section ? props.plan.text.slice(section.span[0], section.span[1]).trim() || section.title : t('plan.sectionless')}
          </div>
          {items.length === 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plan.noItems')}
            </Typography.Text>
          ) : (
            items.map((item) => <ItemCard key={item.ordinal} item={item} {...props} />)
          )}
        </section>
      ))}
      {groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </div>
  );
}

export default memo(StructurePane);
