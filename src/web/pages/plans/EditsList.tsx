import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../../contract/common';
import { COMPARATORS, RESPONSIBLE_ROLES } from '../../../contract/enums';
import type { Comparator, PlanEditRecord, PlanView, ResponsibleRole } from '../../../contract/plans';
import { formatChinaTime } from '../../format';

const FIELD_LABELS = ['role', 'value', 'max', 'comparator', 'subject', 'scope', 'year'] as const;
type LabelledField = (typeof FIELD_LABELS)[number];

const OP_COLOURS: Record<PlanEditRecord['op'], string> = { update: 'blue', remove: 'red', add: 'green' };

/** The fields an edit set, as "label: value" in the page's language. */
function useDescribeValues() {
  const { t } = useTranslation();
  return (edit: PlanEditRecord): string[] => {
    const values = edit.patch ?? edit.fact ?? {};
    return Object.entries(values).map(([key, value]) => {
      const shown =
        value === null || value === undefined
          ? t('common.none')
          : key === 'role' && RESPONSIBLE_ROLES.includes(value as ResponsibleRole)
            ? t(`plan.role.${value as ResponsibleRole}`)
            : key === 'comparator' && COMPARATORS.includes(value as Comparator)
              ? t(`factEditor.comparators.${value as Comparator}`)
              : String(value);
      const label =
        key === 'unit'
          ? edit.ref.kind === 'responsible'
            ? t('factEditor.unit')
            : t('factEditor.measure')
          : (FIELD_LABELS as readonly string[]).includes(key)
            ? t(`factEditor.${key as LabelledField}`)
            : key;
      return t('plan.valueLine', { label, value: shown });
    });
  };
}

/** Every correction of this version, oldest first; those that no longer apply are marked. */
export default function EditsList({ plan, onPick, height }: { plan: PlanView; onPick: (span: Span) => void; height: string }) {
  const { t } = useTranslation();
  const describe = useDescribeValues();
  const orphaned = new Set(plan.orphanedEdits);
  const itemLabel = (ordinal: number) => {
    const item = plan.items.find((i) => i.ordinal === ordinal);
    return item ? `${item.number} ${item.title}`.trim() : t('plan.editItem', { ordinal });
  };
  if (plan.edits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noEdits')} style={{ paddingTop: 40 }} />;
  return (
    <div className="plan-structure" style={{ height, paddingTop: 8 }} data-testid="plan-edits">
      {plan.edits.map((edit) => (
        <button
          type="button"
          key={edit.id}
          className="plan-warning-row"
          onClick={() => onPick(edit.ref.span)}
          data-testid="plan-edit"
          data-orphaned={orphaned.has(edit.id) || undefined}
        >
          <div style={{ marginBottom: 4 }}>
            <Tag color={OP_COLOURS[edit.op]}>{t(`plan.editOp.${edit.op}`)}</Tag>
            <Typography.Text>
              {t(`plan.editKind.${edit.ref.kind}`)} · {itemLabel(edit.ref.itemOrdinal)}
            </Typography.Text>
            {orphaned.has(edit.id) && (
              <Tag color="error" style={{ marginInlineStart: 8 }}>
                {t('plan.orphanedTag')}
              </Tag>
            )}
          </div>
          <Typography.Text style={{ display: 'block' }}>
            {t('plan.quoteLine', { raw: plan.text.slice(edit.ref.span[0], edit.ref.span[1]) })}
          </Typography.Text>
          {describe(edit).map((line) => (
            <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('plan.editBy', { who: edit.createdBy ?? t('audit.system'), at: formatChinaTime(edit.createdAt) })}
          </Typography.Text>
        </button>
      ))}
    </div>
  );
}
